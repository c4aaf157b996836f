using System.Buffers.Text;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// Reads one page of a query. The SDK's continuation token ("next partition key, next row key") is handed to
/// clients base64url-encoded, so it survives a query string untouched and a token the service never issued is
/// told apart from a storage failure: it becomes <see cref="InvalidContinuationTokenException"/>.
/// </summary>
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
        var token = Decode(continuationToken);
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
            throw new InvalidContinuationTokenException("The continuation token was not issued by this listing.", ex);
        }

        return (items, Encode(token));
    }

    private static string? Encode(string? token) =>
        token is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string? token)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            var raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            // The SDK's token is two keys separated by one space; anything else did not come from a page.
            return raw.Count(c => c == ' ') == 1 ? raw : throw new FormatException("Not a table continuation token.");
        }
        catch (FormatException ex)
        {
            throw new InvalidContinuationTokenException("The continuation token was not issued by this listing.", ex);
        }
    }
}
