using Azure;
using Azure.Data.Tables;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// Reads one page of a query. The service's continuation token ("next partition key, next row key") reaches
/// clients sealed by <see cref="PageTokens"/>, bound to the table and filter of the listing, so that a token the
/// listing never issued is told apart from a storage failure: it becomes <see cref="InvalidContinuationTokenException"/>.
/// </summary>
internal static class TablePaging
{
    /// <summary>
    /// Fills the page up to <paramref name="pageSize"/>: the service may end a response early (at a partition
    /// boundary or after its time budget) with a token, and callers should not see short pages for that.
    /// </summary>
    public static async Task<(List<T> Items, string? ContinuationToken)> ReadPageAsync<T>(
        TableClient table,
        PageTokens tokens,
        string? filter,
        int pageSize,
        string? continuationToken,
        Func<TableEntity, T> map,
        CancellationToken cancellationToken)
    {
        var scope = table.Name + "\n" + filter;
        var items = new List<T>(pageSize);
        var token = continuationToken is null ? null : tokens.Open(continuationToken, scope);
        try
        {
            do
            {
                var wanted = pageSize - items.Count;
                var pages = table.QueryAsync<TableEntity>(filter, wanted, cancellationToken: cancellationToken)
                    .AsPages(token, wanted);
                token = null;
                await foreach (var page in pages)
                {
                    items.AddRange(page.Values.Select(map));
                    token = page.ContinuationToken;
                    break;
                }
            }
            while (token is not null && items.Count < pageSize);
        }
        catch (Exception ex) when (continuationToken is not null && items.Count == 0 && ex is RequestFailedException { Status: 400 } or ArgumentException or FormatException)
        {
            // Issued, so well-formed; the service may still refuse one it no longer honours.
            throw new InvalidContinuationTokenException("The continuation token is no longer valid; start the listing again.", ex);
        }

        return (items, tokens.Seal(token, scope));
    }
}
