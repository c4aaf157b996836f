using Azure;
using Azure.Data.Tables;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// <see cref="IDefinitionHistory"/> over the version rows in the TaskIds table (<see cref="VersionRow"/>), and the
/// writes <see cref="TableTaskStore"/> makes to them: keeping a version on a replace, removing them on a delete.
/// </summary>
public sealed class TableDefinitionHistory : IDefinitionHistory
{
    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    private readonly SchedulerTables _tables;

    /// <summary>Reads and writes versions in <paramref name="tables"/>.</summary>
    public TableDefinitionHistory(SchedulerTables tables)
    {
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DefinitionVersion>> ListAsync(StoredTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {task.Id} and RowKey ge {VersionRow.KeyPrefix} and RowKey lt {"w"}");
        return await QueryAsync(task, filter, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DefinitionVersion>> GetAsync(
        StoredTask task, IReadOnlyCollection<long> numbers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(numbers);
        var keys = numbers.Select(VersionRow.KeyOf).Distinct().ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {task.Id}") + " and ("
            + string.Join(" or ", keys.Select(key => TableClient.CreateQueryFilter($"RowKey eq {key}"))) + ")";
        var versions = await QueryAsync(task, filter, cancellationToken);
        return [.. versions.Where(v => numbers.Contains(v.Number))];
    }

    /// <summary>Keeps <paramref name="superseded"/>'s definition as its version (insert or replace the ring slot).</summary>
    internal async Task KeepAsync(StoredTask superseded, CancellationToken cancellationToken)
    {
        await _tables.TaskIds.UpsertEntityAsync(VersionRow.ToEntity(superseded), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Deletes the id row read as <paramref name="idRow"/> and the version rows beside it in one transaction. When the
    /// id row has been rewritten since (a create took it over), nothing is deleted: the rows may be the new task's.
    /// </summary>
    internal async Task<bool> DeleteWithIdRowAsync(TableEntity idRow, CancellationToken cancellationToken)
    {
        var versions = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {idRow.PartitionKey} and RowKey ge {VersionRow.KeyPrefix} and RowKey lt {"w"}");
        await foreach (var row in _tables.TaskIds.QueryAsync<TableEntity>(filter, VersionRow.Slots, KeysOnly, cancellationToken))
        {
            versions.Add(row);
        }

        if (versions.Count == 0)
        {
            return await TableRows.DeleteIfExistsAsync(_tables.TaskIds, idRow.PartitionKey, string.Empty, idRow.ETag, cancellationToken);
        }

        var actions = versions.Select(v => new TableTransactionAction(TableTransactionActionType.Delete, v, ETag.All))
            .Append(new TableTransactionAction(TableTransactionActionType.Delete, idRow, idRow.ETag));
        try
        {
            await _tables.TaskIds.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (TableErrors.IsRowMissing(ex))
        {
            // A row went away meanwhile (another delete of this id): finish row by row, the id row last.
            foreach (var version in versions)
            {
                await TableRows.DeleteIfExistsAsync(_tables.TaskIds, version.PartitionKey, version.RowKey, ETag.All, cancellationToken);
            }

            return await TableRows.DeleteIfExistsAsync(_tables.TaskIds, idRow.PartitionKey, string.Empty, idRow.ETag, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<DefinitionVersion>> QueryAsync(StoredTask task, string filter, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken);
        var versions = new List<DefinitionVersion>();
        await foreach (var row in _tables.TaskIds.QueryAsync<TableEntity>(filter, VersionRow.Slots, cancellationToken: cancellationToken))
        {
            if (VersionRow.FromEntity(row, task) is { } version)
            {
                versions.Add(version);
            }
        }

        return [.. versions.OrderByDescending(v => v.Number)];
    }
}
