using System.Runtime.CompilerServices;
using FunctionScheduler.Contracts;

namespace FunctionScheduler.Client;

/// <summary>Fetches pages from the server through a delegate taking (continuation token, page size, cancellation).</summary>
internal sealed class ServerPageable<T>(
    Func<string?, int?, CancellationToken, Task<PageRepresentation<T>>> fetchPage,
    int? defaultPageSize,
    CancellationToken cancellationToken) : AsyncPageable<T>
{
    public override IAsyncEnumerable<PageRepresentation<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
        FetchAsync(continuationToken, pageSizeHint ?? defaultPageSize);

    private async IAsyncEnumerable<PageRepresentation<T>> FetchAsync(
        string? continuationToken, int? pageSize, [EnumeratorCancellation] CancellationToken enumeratorCancellation = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, enumeratorCancellation);
        var token = continuationToken;
        do
        {
            var page = await fetchPage(token, pageSize, linked.Token).ConfigureAwait(false);
            yield return page;

            // An empty token would restart the listing from the top and loop for ever: it ends the listing too.
            token = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
        }
        while (token is not null);
    }
}
