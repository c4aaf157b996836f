using System.Runtime.CompilerServices;
using FunctionScheduler.Contracts;

namespace FunctionScheduler.Client;

/// <summary>Pages already in hand, for <see cref="AsyncPageable{T}.FromPages"/>.</summary>
internal sealed class FixedPageable<T>(IReadOnlyList<PageRepresentation<T>> pages) : AsyncPageable<T>
{
    public override IAsyncEnumerable<PageRepresentation<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
        YieldAsync();

    private async IAsyncEnumerable<PageRepresentation<T>> YieldAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return page;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
