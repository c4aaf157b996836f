using Azure;
using Azure.Data.Tables;
using FunctionScheduler.Core.Model;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// <see cref="ITaskStore"/> over Azure Table Storage: a Tasks table keyed (group and a hash of the id, id) and a TaskIds
/// table keyed by id alone, which finds a task's group and keeps ids unique across groups. State writes of rows that
/// share a partition and wait at the same time go out as one entity group transaction (<see cref="StateWriteBatcher"/>).
/// docs/storage.md describes the rows, the partition layout, the operations each method makes and how a crash between
/// two writes is recovered.
/// </summary>
public sealed class TableTaskStore : ITaskStore
{
    /// <summary>
    /// How old an id row without its task row must be before a create takes it over. A younger one may belong to a
    /// create still in progress (between its two writes); the grace outlasts the SDK's retries of one write.
    /// </summary>
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromMinutes(2);

    private readonly SchedulerTables _tables;
    private readonly IRunLog _runs;
    private readonly TaskIdIndex _ids;
    private readonly TableDefinitionHistory _history;
    private readonly StateWriteBatcher _stateWrites;
    private readonly TaskRowMove _moves;
    private readonly ILogger<TableTaskStore> _logger;

    /// <summary>Creates the store over <paramref name="tables"/>; <paramref name="runs"/> is used to delete a task's history with it.</summary>
    public TableTaskStore(SchedulerTables tables, IRunLog runs, TimeProvider timeProvider, ILogger<TableTaskStore> logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _history = new TableDefinitionHistory(tables);
        _ids = new TaskIdIndex(tables, _history, timeProvider, logger);
        _stateWrites = new StateWriteBatcher(tables.Tasks);
        _moves = new TaskRowMove(tables.Tasks);
    }

    /// <inheritdoc/>
    public async Task<StoredTask?> GetAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        if (!TaskId.IsValid(taskId))
        {
            return null;
        }

        await _tables.EnsureCreatedAsync(cancellationToken);
        var idRow = await _ids.FindAsync(taskId, cancellationToken);
        return idRow is null ? null : await GetAsync(TaskIdRow.GroupOf(idRow), taskId, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<StoredTask?> GetAsync(string group, string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(taskId);
        if (!TaskId.IsValid(group) || !TaskId.IsValid(taskId))
        {
            return null;
        }

        await _tables.EnsureCreatedAsync(cancellationToken);
        var row = await TableRows.ReadAsync(_tables.Tasks, TaskPartitions.For(group, taskId), taskId, null, cancellationToken)
            ?? await TableRows.ReadAsync(_tables.Tasks, TaskPartitions.Legacy(group), taskId, null, cancellationToken);
        return row is null ? null
            : TaskRowMove.IsMarked(row) ? (await _moves.FinishAsync(row, cancellationToken)).Task
            : TaskRow.FromEntity(row);
    }

    /// <inheritdoc/>
    public async Task<StoredTask> CreateAsync(ScheduledTask definition, TaskRunState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        RequireKeys(definition);
        var row = TaskRow.ToEntity(definition, state); // before any write: an oversized definition leaves no id row
        await _tables.EnsureCreatedAsync(cancellationToken);

        await _ids.ReserveAsync(definition, cancellationToken);

        // Runs recorded after an earlier task of this id was deleted (a fire finishing late) must not show up in
        // the new task's history. Usually a single empty keys-only query.
        await _runs.DeleteAllAsync(definition.Id, cancellationToken);

        try
        {
            var response = await _tables.Tasks.AddEntityAsync(row, cancellationToken);
            return new StoredTask(definition, state, TableRows.VersionOf(response));
        }
        catch (RequestFailedException ex) when (TableErrors.IsRowExisting(ex))
        {
            throw new TaskAlreadyExistsException($"Task '{definition.Id}' already exists in group '{definition.Group}'.", ex);
        }
    }

    /// <inheritdoc/>
    public async Task<StoredTask> ReplaceAsync(
        StoredTask current, ScheduledTask definition, TaskRunState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        if (!string.Equals(definition.Id, current.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"A replace cannot change the task id ('{current.Id}' to '{definition.Id}').", nameof(definition));
        }

        if (!string.Equals(definition.Group, current.Group, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Task '{current.Id}': the group is fixed for the life of a task ('{current.Group}' cannot become " +
                $"'{definition.Group}').",
                nameof(definition));
        }

        var row = TaskRow.ToEntity(definition, state);
        await _tables.EnsureCreatedAsync(cancellationToken);

        // A new generation is a new version: the definition it replaces is kept first, so a crash between the two
        // writes leaves at most a kept copy of the definition that is still current (which readers ignore), never
        // a replaced definition without its copy.
        if (state.Generation > current.State.Generation)
        {
            await _history.KeepAsync(current, cancellationToken);
        }

        if (current.Partition is { } legacy)
        {
            return await MoveAsync(row, legacy, current, cancellationToken);
        }

        var response = await UpdateAsync(row, current, TableUpdateMode.Replace, cancellationToken);
        return new StoredTask(definition, state, TableRows.VersionOf(response));
    }

    /// <inheritdoc/>
    public async Task<StoredTask> UpdateStateAsync(StoredTask current, TaskRunState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(state);
        await _tables.EnsureCreatedAsync(cancellationToken);
        if (current.Partition is { } legacy)
        {
            return await MoveAsync(TaskRow.ToEntity(current.Definition, state), legacy, current, cancellationToken);
        }

        var row = TaskRow.ToStateChangeEntity(TaskRow.PartitionOf(current), current.Id, state, current.State);
        try
        {
            var version = await _stateWrites.MergeAsync(row, new ETag(current.Version), cancellationToken);
            return current with { State = state, Version = version };
        }
        catch (RequestFailedException ex) when (Conflict(current, ex) is { } conflict)
        {
            throw conflict;
        }
    }

    /// <inheritdoc/>
    public async Task<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        var filters = new List<string>(2);
        if (query.Group is { } group)
        {
            filters.Add("(" + TaskPartitions.GroupFilter(group) + ")");
        }

        if (query.Lifecycle is { } lifecycle)
        {
            filters.Add(TaskRow.Lifecycle + " eq " + TableClient.CreateQueryFilter($"{lifecycle.ToString()}"));
        }

        await _tables.EnsureCreatedAsync(cancellationToken);
        var (items, token) = await TablePaging.ReadPageAsync(
            _tables.Tasks,
            _tables.Tokens,
            filters.Count == 0 ? null : string.Join(" and ", filters),
            Math.Min(query.PageSize, TaskQuery.MaxPageSize),
            query.ContinuationToken,
            row => row,
            cancellationToken);
        var tasks = new List<StoredTask>(items.Count);
        foreach (var row in items)
        {
            if (!TaskRowMove.IsMarked(row))
            {
                tasks.Add(TaskRow.FromEntity(row));
            }
            else if (await _moves.FinishAsync(row, cancellationToken) is { Task: { } moved, Moved: true })
            {
                // A row already in its new place is listed there, further on: listing it here too would show it twice.
                tasks.Add(moved);
            }
        }

        return new TaskPage(tasks, token);
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        if (!TaskId.IsValid(taskId))
        {
            return false;
        }

        await _tables.EnsureCreatedAsync(cancellationToken);
        var idRow = await _ids.FindAsync(taskId, cancellationToken);
        if (idRow is null)
        {
            return false;
        }

        // Task row first, id row last: a crash in between leaves an id row without a task, which reads as absent
        // and which the next create or delete of this id clears up.
        // The legacy partition too: a row of an earlier version, or one left marked by a move cut short, must not
        // outlive the task (a marked row would be moved back into place by the next reader).
        var group = TaskIdRow.GroupOf(idRow);
        var existed = await TableRows.DeleteIfExistsAsync(_tables.Tasks, TaskPartitions.For(group, taskId), taskId, ETag.All, cancellationToken);
        existed |= await TableRows.DeleteIfExistsAsync(_tables.Tasks, TaskPartitions.Legacy(group), taskId, ETag.All, cancellationToken);
        if (!existed)
        {
            StorageLog.OrphanIdRowRemoved(_logger, taskId, group);
        }

        await _runs.DeleteAllAsync(taskId, cancellationToken);
        await _ids.ReleaseAsync(idRow, cancellationToken);

        return existed;
    }

    private async Task<Response> UpdateAsync(TableEntity row, StoredTask current, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        try
        {
            return await _tables.Tasks.UpdateEntityAsync(row, new ETag(current.Version), mode, cancellationToken);
        }
        catch (RequestFailedException ex) when (Conflict(current, ex) is { } conflict)
        {
            throw conflict;
        }
    }

    // A write of a row in the legacy layout moves it (TaskRowMove); the result reads as any other write's.
    private async Task<StoredTask> MoveAsync(TableEntity row, string legacy, StoredTask current, CancellationToken cancellationToken)
    {
        try
        {
            return await _moves.MoveAsync(row, legacy, new ETag(current.Version), cancellationToken)
                ?? throw new ConcurrencyConflictException($"Task '{current.Id}' was deleted since it was read.");
        }
        catch (RequestFailedException ex) when (Conflict(current, ex) is { } conflict)
        {
            throw conflict;
        }
    }

    private static ConcurrencyConflictException? Conflict(StoredTask current, RequestFailedException ex) =>
        TableErrors.IsVersionStale(ex) ? new($"Task '{current.Id}' changed since version {current.Version} was read.", ex)
        : TableErrors.IsRowMissing(ex) ? new($"Task '{current.Id}' was deleted since it was read.", ex)
        : null;

    private static void RequireKeys(ScheduledTask definition)
    {
        if (!TaskId.IsValid(definition.Id) || !TaskId.IsValid(definition.Group))
        {
            throw new ArgumentException(
                $"Task id '{definition.Id}' and group '{definition.Group}' must match {TaskId.Pattern}.",
                nameof(definition));
        }
    }
}
