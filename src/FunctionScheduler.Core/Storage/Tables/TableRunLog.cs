using Azure;
using Azure.Data.Tables;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// <see cref="IRunLog"/> over the Runs table: one partition per task, row keys that sort newest first, one upsert
/// per record (so recording an occurrence again overwrites its row).
/// </summary>
public sealed class TableRunLog : IRunLog
{
    /// <summary>Largest page a listing returns (the service's own limit per response).</summary>
    public const int MaxPageSize = 1000;

    // An entity group transaction holds at most 100 operations, all in one partition.
    private const int MaxBatch = 100;

    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    private readonly SchedulerTables _tables;

    /// <summary>Creates the run log over <paramref name="tables"/>.</summary>
    public TableRunLog(SchedulerTables tables)
    {
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
    }

    /// <inheritdoc/>
    public async Task RecordAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!TaskId.IsValid(run.TaskId))
        {
            throw new ArgumentException($"Task id '{run.TaskId}' must match {TaskId.Pattern}.", nameof(run));
        }

        var row = RunRow.ToEntity(run);
        await _tables.EnsureCreatedAsync(cancellationToken);
        await _tables.Runs.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<RunRecord?> GetAsync(string taskId, Occurrence occurrence, long generation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        if (!TaskId.IsValid(taskId))
        {
            return null;
        }

        await _tables.EnsureCreatedAsync(cancellationToken);
        var row = await TableRows.ReadAsync(_tables.Runs, taskId, RunId.KeyOf(occurrence, generation), null, cancellationToken);
        return row is null ? null : RunRow.FromEntity(row);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RunRecord>> ListFiredBetweenAsync(
        string taskId, DateTimeOffset from, DateTimeOffset through, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        if (!TaskId.IsValid(taskId) || through < from)
        {
            return [];
        }

        // Keys are inverted ticks, then the kind and generation: every row of an instant in the range sorts from
        // the later bound's digits up to just below the earlier bound's digits followed by '~' (after any letter).
        var low = RunId.InvertedTicks(through);
        var high = RunId.InvertedTicks(from) + "~";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {taskId} and RowKey ge {low} and RowKey lt {high} and Kind ne {nameof(OccurrenceKind.Manual)} and Status ne {nameof(RunStatus.Missed)}");
        await _tables.EnsureCreatedAsync(cancellationToken);
        var runs = new List<RunRecord>();
        await foreach (var row in _tables.Runs.QueryAsync<TableEntity>(filter, MaxPageSize, cancellationToken: cancellationToken))
        {
            runs.Add(RunRow.FromEntity(row));
        }

        return runs;
    }

    /// <inheritdoc/>
    public async Task<RunPage> ListAsync(
        string taskId, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (!TaskId.IsValid(taskId))
        {
            return new RunPage([], null);
        }

        await _tables.EnsureCreatedAsync(cancellationToken);
        var (items, token) = await TablePaging.ReadPageAsync(
            _tables.Runs,
            _tables.Tokens,
            TableClient.CreateQueryFilter($"PartitionKey eq {taskId}"),
            Math.Min(pageSize, MaxPageSize),
            continuationToken,
            RunRow.FromEntity,
            cancellationToken);
        return new RunPage(items, token);
    }

    /// <inheritdoc/>
    public async Task DeleteAllAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        if (!TaskId.IsValid(taskId))
        {
            return;
        }

        await _tables.EnsureCreatedAsync(cancellationToken);
        var keys = _tables.Runs.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {taskId}"), MaxPageSize, KeysOnly, cancellationToken);
        await foreach (var page in keys.AsPages(pageSizeHint: MaxPageSize))
        {
            foreach (var chunk in page.Values.Chunk(MaxBatch))
            {
                await DeleteBatchAsync(chunk, cancellationToken);
            }
        }
    }

    private async Task DeleteBatchAsync(TableEntity[] rows, CancellationToken cancellationToken)
    {
        try
        {
            await _tables.Runs.SubmitTransactionAsync(
                rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)),
                cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (TableErrors.IsRowMissing(ex))
        {
            // A row went away meanwhile (a concurrent delete), which fails the whole transaction: finish one by one.
            foreach (var row in rows)
            {
                await TableRows.DeleteIfExistsAsync(_tables.Runs, row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            }
        }
    }
}
