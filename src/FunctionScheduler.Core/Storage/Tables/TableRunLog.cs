using Azure;
using Azure.Data.Tables;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// <see cref="IRunLog"/> over the Runs table (layout: <see cref="RunPartitions"/>): row keys that sort newest first,
/// one upsert per record (so recording an occurrence again overwrites its row), and the records of tasks fired
/// together sent as entity group transactions of one shard (<see cref="StateWriteBatcher"/>). Records of the legacy
/// layout (one partition per task) are read, listed after the newer ones, and deleted with the task.
/// </summary>
public sealed class TableRunLog : IRunLog
{
    /// <summary>Largest page a listing returns (the service's own limit per response).</summary>
    public const int MaxPageSize = 1000;

    // An entity group transaction holds at most 100 operations, all in one partition.
    private const int MaxBatch = 100;

    // A listing's token says which layout it continues in: the current one (then the legacy one), or the legacy one.
    private const char CurrentPhase = 'N';
    private const char LegacyPhase = 'L';

    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    private readonly SchedulerTables _tables;
    private readonly StateWriteBatcher _writes;

    /// <summary>Creates the run log over <paramref name="tables"/>.</summary>
    public TableRunLog(SchedulerTables tables)
    {
        _tables = tables ?? throw new ArgumentNullException(nameof(tables));
        _writes = new StateWriteBatcher(tables.Runs);
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
        await _writes.UpsertAsync(row, cancellationToken);
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
        var key = RunId.KeyOf(occurrence, generation);
        var row = await TableRows.ReadAsync(_tables.Runs, RunPartitions.For(taskId), RunPartitions.RowKey(taskId, key), null, cancellationToken)
            ?? await TableRows.ReadAsync(_tables.Runs, taskId, key, null, cancellationToken);
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
        // Both layouts: a task's records written before the shards stay in its own partition.
        var low = RunId.InvertedTicks(through);
        var high = RunId.InvertedTicks(from) + "~";
        var fired = TableClient.CreateQueryFilter($"Kind ne {nameof(OccurrenceKind.Manual)} and Status ne {nameof(RunStatus.Missed)}");
        await _tables.EnsureCreatedAsync(cancellationToken);
        var runs = new List<RunRecord>();
        foreach (var range in new[] { RunPartitions.KeyRangeFilter(taskId, low, high), RunPartitions.LegacyKeyRangeFilter(taskId, low, high) })
        {
            await foreach (var row in _tables.Runs.QueryAsync<TableEntity>($"{range} and {fired}", MaxPageSize, cancellationToken: cancellationToken))
            {
                runs.Add(RunRow.FromEntity(row));
            }
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
        var size = Math.Min(pageSize, MaxPageSize);
        var phase = continuationToken is null ? CurrentPhase : continuationToken[0];
        var token = continuationToken is { Length: > 1 } ? continuationToken[1..] : null;
        if (phase is not (CurrentPhase or LegacyPhase))
        {
            throw new InvalidContinuationTokenException("The continuation token was not issued for this listing; start the listing again.");
        }

        // The current layout's records first: every record written since the layout changed, so the newest.
        var items = new List<RunRecord>(size);
        if (phase == CurrentPhase)
        {
            var (current, next) = await ReadPageAsync(RunPartitions.TaskFilter(taskId), size, token, cancellationToken);
            if (next is not null || current.Count == size)
            {
                return new RunPage(current, next is null ? LegacyPhase.ToString() : CurrentPhase + next);
            }

            items.AddRange(current);
            token = null;
        }

        var (legacy, legacyNext) = await ReadPageAsync(RunPartitions.LegacyFilter(taskId), size - items.Count, token, cancellationToken);
        items.AddRange(legacy);
        return new RunPage(items, legacyNext is null ? null : LegacyPhase + legacyNext);
    }

    private Task<(List<RunRecord> Items, string? ContinuationToken)> ReadPageAsync(
        string filter, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        TablePaging.ReadPageAsync(_tables.Runs, _tables.Tokens, filter, pageSize, continuationToken, RunRow.FromEntity, cancellationToken);

    /// <inheritdoc/>
    public async Task DeleteAllAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        if (!TaskId.IsValid(taskId))
        {
            return;
        }

        await _tables.EnsureCreatedAsync(cancellationToken);
        foreach (var filter in new[] { RunPartitions.TaskFilter(taskId), RunPartitions.LegacyFilter(taskId) })
        {
            var keys = _tables.Runs.QueryAsync<TableEntity>(filter, MaxPageSize, KeysOnly, cancellationToken);
            await foreach (var page in keys.AsPages(pageSizeHint: MaxPageSize))
            {
                foreach (var chunk in page.Values.Chunk(MaxBatch))
                {
                    await DeleteBatchAsync(chunk, cancellationToken);
                }
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
