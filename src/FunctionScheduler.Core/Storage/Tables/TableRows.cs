using Azure;
using Azure.Data.Tables;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>Point reads and deletes that turn "no such row" into a value, and the ETag of a write.</summary>
internal static class TableRows
{
    public static async Task<TableEntity?> ReadAsync(
        TableClient table, string partitionKey, string rowKey, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        try
        {
            return (await table.GetEntityAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (TableErrors.IsRowMissing(ex))
        {
            return null;
        }
    }

    /// <summary>Deletes a row if it matches <paramref name="ifMatch"/>; false when it was not there.</summary>
    public static async Task<bool> DeleteIfExistsAsync(
        TableClient table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            // The SDK reports a missing row as a 404 response rather than an exception; both are handled.
            var response = await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (TableErrors.IsRowMissing(ex))
        {
            return false;
        }
    }

    public static string VersionOf(Response response) =>
        response.Headers.ETag?.ToString()
        ?? throw new InvalidOperationException("The table service returned no ETag for a write.");
}
