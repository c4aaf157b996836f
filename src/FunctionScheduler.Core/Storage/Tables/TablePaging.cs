using Azure.Data.Tables;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>Reads one page of a query, resuming from and returning the SDK's opaque continuation token.</summary>
internal static class TablePaging
{
    /// <summary>
    /// Fills the page up to <paramref name="pageSize"/>: the service may end a response early (at a partition
    /// boundary or after its time budget) with a token, and callers should not see short pages for that.
    /// </summary>
    public static async Task<(List<T> Items, string? ContinuationToken)> ReadPageAsync<T>(
        TableClient table,
        string? filter,
        int pageSize,
        string? continuationToken,
        Func<TableEntity, T> map,
        CancellationToken cancellationToken)
    {
        var items = new List<T>(pageSize);
        var token = continuationToken;
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

        return (items, token);
    }
}
