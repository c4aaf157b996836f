using Azure;
using Azure.Data.Tables;
using FunctionScheduler.Core.Model;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// The TaskIds table: finds a task's group from its id and reserves ids across groups. Its row is written before
/// the task row and removed after it, so a crash in between leaves only an id row without a task (an orphan),
/// which reads as absent and which the next create (after <see cref="TableTaskStore.OrphanGrace"/>) or delete clears.
/// </summary>
internal sealed class TaskIdIndex(SchedulerTables tables, TableDefinitionHistory history, TimeProvider timeProvider, ILogger logger)
{
    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    public Task<TableEntity?> FindAsync(string taskId, CancellationToken cancellationToken) =>
        TableRows.ReadAsync(tables.TaskIds, taskId, string.Empty, null, cancellationToken);

    /// <summary>Reserves the definition's id for its group, or throws when another task holds it.</summary>
    public async Task ReserveAsync(ScheduledTask definition, CancellationToken cancellationToken)
    {
        var createId = Guid.NewGuid().ToString("N");
        var row = TaskIdRow.Create(definition.Id, definition.Group, timeProvider.GetUtcNow(), createId);
        try
        {
            await tables.TaskIds.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (TableErrors.IsRowExisting(ex))
        {
            await TakeOverAsync(definition, row, ex, cancellationToken);
        }
    }

    /// <summary>
    /// Removes the id row read as <paramref name="row"/>, and the task's kept versions beside it, unless a create has
    /// rewritten it since.
    /// </summary>
    public async Task ReleaseAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await history.DeleteWithIdRowAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (TableErrors.IsVersionStale(ex))
        {
            StorageLog.IdRowRecreatedDuringDelete(logger, row.PartitionKey);
        }
    }

    private async Task TakeOverAsync(
        ScheduledTask definition, TableEntity ours, RequestFailedException conflict, CancellationToken cancellationToken)
    {
        var id = definition.Id;
        var existing = await FindAsync(id, cancellationToken)
            ?? throw new ConcurrencyConflictException($"Task '{id}' was deleted while being created; try again.", conflict);
        if (existing.GetString(TaskIdRow.CreateId) == ours.GetString(TaskIdRow.CreateId))
        {
            return; // our own insert, committed by an attempt whose response was lost and then retried by the SDK
        }

        var group = TaskIdRow.GroupOf(existing);
        if (await TableRows.ReadAsync(tables.Tasks, TaskPartitions.For(group, id), id, KeysOnly, cancellationToken) is not null
            || await TableRows.ReadAsync(tables.Tasks, TaskPartitions.Legacy(group), id, KeysOnly, cancellationToken) is not null)
        {
            throw new TaskAlreadyExistsException($"Task '{id}' already exists in group '{group}'.", conflict);
        }

        var writtenAt = existing.GetDateTimeOffset(TaskIdRow.WrittenAt);
        if (writtenAt is { } at && timeProvider.GetUtcNow() - at < TableTaskStore.OrphanGrace)
        {
            throw new TaskAlreadyExistsException(
                $"Task '{id}' is being created in group '{group}' (or a create of it failed less than " +
                $"{TableTaskStore.OrphanGrace.TotalMinutes:0} minutes ago).",
                conflict);
        }

        try
        {
            await tables.TaskIds.UpdateEntityAsync(ours, existing.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (TableErrors.IsVersionStale(ex) || TableErrors.IsRowMissing(ex))
        {
            throw new ConcurrencyConflictException($"Task '{id}' changed while being created; try again.", ex);
        }

        StorageLog.OrphanIdRowTakenOver(logger, id, group, writtenAt, definition.Group);
    }
}
