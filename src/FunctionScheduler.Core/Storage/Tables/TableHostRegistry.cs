using Azure;
using Azure.Data.Tables;
using FunctionScheduler.Core.Liveness;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// <see cref="IHostRegistry"/> over the Hosts table: a beat is one upsert, reading everyone's is one query of one
/// partition, pruning a long-gone host one conditional delete.
/// </summary>
public sealed class TableHostRegistry(SchedulerTables tables, ILogger<TableHostRegistry> logger) : IHostRegistry
{
    /// <inheritdoc/>
    public async Task WriteAsync(HostRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await tables.EnsureCreatedAsync(cancellationToken);
        await tables.Hosts.UpsertEntityAsync(HostRow.ToEntity(record), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<HostRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var records = new List<HostRecord>();
        var rows = tables.Hosts.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {HostRow.Partition}"), cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            if (HostRow.FromEntity(row) is { } record)
            {
                records.Add(record);
            }
            else
            {
                StorageLog.HostRowUnreadable(logger, HostRow.Describe(row));
            }
        }

        return records;
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(HostRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Version is null)
        {
            throw new ArgumentException("Only a record read from the registry (with its version) can be deleted.", nameof(record));
        }

        await tables.EnsureCreatedAsync(cancellationToken);
        try
        {
            return await TableRows.DeleteIfExistsAsync(tables.Hosts, HostRow.Partition, record.HostId, new ETag(record.Version), cancellationToken);
        }
        catch (RequestFailedException ex) when (TableErrors.IsVersionStale(ex))
        {
            return false;
        }
    }
}
