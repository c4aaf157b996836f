using Azure;
using Azure.Data.Tables;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// Sends conditional Merges (task state) and unconditional Replace upserts (run records) of one table's rows,
/// grouping those of one partition that wait at the same time into entity group transactions (up to 100 rows, one
/// request). Nothing waits to be grouped: a write goes out at once
/// when its partition has a request slot free, and whatever queues behind the requests under way goes out together
/// when one returns; so a lone write costs what it did, and a burst costs one request per hundred rows.
/// A transaction is all or nothing: when one row's condition fails, that row alone gets its 412 (or 404) and the
/// others are sent again without it, so one conflict never costs the other rows their writes.
/// </summary>
internal sealed class StateWriteBatcher(TableClient table)
{
    /// <summary>Most rows in one entity group transaction (the service's limit).</summary>
    public const int MaxBatchRows = 100;

    /// <summary>
    /// Requests under way per partition at once; more writes of that partition wait and go out together. Two, not
    /// more: with four a burst's transactions held about 16 rows, with two about 45 (docs/storage.md), and a lone
    /// write still goes out at once.
    /// </summary>
    public const int MaxInFlightPerPartition = 2;

    // The service refuses a transaction over 4 MiB; rows are counted by their binary columns plus an allowance for
    // the rest, and a batch is cut well below the limit.
    private const int MaxBatchBytes = 3 * 1024 * 1024;
    private const int RowAllowance = 2048;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Partition> _partitions = new(StringComparer.Ordinal);

    /// <summary>Merges <paramref name="row"/> if the stored row still has <paramref name="ifMatch"/>; returns the new ETag.</summary>
    /// <exception cref="RequestFailedException">412 or 404 for this row's condition; anything else as the service said.</exception>
    public Task<string> MergeAsync(TableEntity row, ETag ifMatch, CancellationToken cancellationToken) =>
        EnqueueAsync(new Write(row, ifMatch, SizeOf(row)), cancellationToken);

    /// <summary>Inserts <paramref name="row"/> or replaces the stored row of its keys whatever it holds; returns the new ETag.</summary>
    public Task<string> UpsertAsync(TableEntity row, CancellationToken cancellationToken) =>
        EnqueueAsync(new Write(row, IfMatch: null, SizeOf(row)), cancellationToken);

    private Task<string> EnqueueAsync(Write write, CancellationToken cancellationToken)
    {
        // A caller already cancelled sends nothing, as a single request would not: a fire cut off at shutdown must
        // leave no run record behind, or the instance taking it over would find one and never call the target.
        cancellationToken.ThrowIfCancellationRequested();
        var row = write.Row;
        bool start;
        Partition partition;
        lock (_lock)
        {
            if (!_partitions.TryGetValue(row.PartitionKey, out partition!))
            {
                partition = new Partition(row.PartitionKey);
                _partitions.Add(row.PartitionKey, partition);
            }

            partition.Waiting.Add(write);
            start = partition.InFlight < MaxInFlightPerPartition;
            if (start)
            {
                partition.InFlight++;
            }
        }

        if (start)
        {
            _ = Task.Run(() => SendAsync(partition), CancellationToken.None);
        }

        // A caller that gives up does not take the write back: like any request already sent, it may still happen.
        return write.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="writes"/> of one partition as one transaction, as a burst's queued writes would go (the
    /// conflict handling without the timing of the queue); one task per write, in order.
    /// </summary>
    internal Task<string>[] MergeTogetherAsync(IReadOnlyList<(TableEntity Row, ETag IfMatch)> writes)
    {
        var batch = writes.Select(w => new Write(w.Row, w.IfMatch, SizeOf(w.Row))).ToList();
        var done = batch.Select(w => w.Done.Task).ToArray();
        _ = SendBatchAsync(batch);
        return done;
    }

    // One request slot of the partition: sends what waits, a batch at a time, until nothing does.
    private async Task SendAsync(Partition partition)
    {
        while (TakeBatch(partition) is { } batch)
        {
            await SendBatchAsync(batch);
        }
    }

    private List<Write>? TakeBatch(Partition partition)
    {
        lock (_lock)
        {
            var batch = new List<Write>(Math.Min(partition.Waiting.Count, MaxBatchRows));
            var rows = new HashSet<string>(StringComparer.Ordinal);
            var bytes = 0;
            for (var i = 0; i < partition.Waiting.Count && batch.Count < MaxBatchRows; i++)
            {
                var write = partition.Waiting[i];

                // A transaction may hold a row once; a second write of it waits for the next request.
                if (rows.Contains(write.Row.RowKey) || (batch.Count > 0 && bytes + write.Size > MaxBatchBytes))
                {
                    continue;
                }

                rows.Add(write.Row.RowKey);
                bytes += write.Size;
                batch.Add(write);
                partition.Waiting.RemoveAt(i--);
            }

            if (batch.Count > 0)
            {
                return batch;
            }

            partition.InFlight--;
            if (partition.InFlight == 0 && partition.Waiting.Count == 0)
            {
                _partitions.Remove(partition.Key);
            }

            return null;
        }
    }

    private async Task SendBatchAsync(List<Write> batch)
    {
        while (batch.Count > 0)
        {
            if (batch.Count == 1)
            {
                await SendOneAsync(batch[0]);
                return;
            }

            try
            {
                var actions = batch.Select(w => w.IfMatch is { } ifMatch
                    ? new TableTransactionAction(TableTransactionActionType.UpdateMerge, w.Row, ifMatch)
                    : new TableTransactionAction(TableTransactionActionType.UpsertReplace, w.Row));
                var response = await table.SubmitTransactionAsync(actions, CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    Complete(batch[i], response.Value[i]);
                }

                return;
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is { } index && index < batch.Count && IsRowCondition(ex))
            {
                // Nothing of the transaction was written: the failed row gets its answer, the rest go again.
                batch[index].Done.TrySetException(ex);
                batch.RemoveAt(index);
            }
            catch (TableTransactionFailedException)
            {
                // The service did not say which row failed: each row on its own gets its own answer.
                await Task.WhenAll(batch.Select(SendOneAsync));
                return;
            }
            catch (Exception ex)
            {
                foreach (var write in batch)
                {
                    write.Done.TrySetException(ex);
                }

                return;
            }
        }
    }

    private async Task SendOneAsync(Write write)
    {
        try
        {
            Complete(write, write.IfMatch is { } ifMatch
                ? await table.UpdateEntityAsync(write.Row, ifMatch, TableUpdateMode.Merge, CancellationToken.None)
                : await table.UpsertEntityAsync(write.Row, TableUpdateMode.Replace, CancellationToken.None));
        }
        catch (Exception ex)
        {
            write.Done.TrySetException(ex);
        }
    }

    private static void Complete(Write write, Response response)
    {
        try
        {
            write.Done.TrySetResult(TableRows.VersionOf(response));
        }
        catch (InvalidOperationException ex)
        {
            write.Done.TrySetException(ex);
        }
    }

    private static bool IsRowCondition(RequestFailedException ex) => TableErrors.IsVersionStale(ex) || TableErrors.IsRowMissing(ex);

    // Binary columns go as base64; a string may be escaped to six bytes a character (\uXXXX) at worst.
    private static int SizeOf(TableEntity row) =>
        RowAllowance + ((IDictionary<string, object>)row).Values.Sum(v => v switch
        {
            byte[] bytes => bytes.Length * 4 / 3,
            string text => text.Length * 6,
            _ => 0,
        });

    private sealed class Partition(string key)
    {
        public string Key { get; } = key;

        public List<Write> Waiting { get; } = [];

        public int InFlight { get; set; }
    }

    // IfMatch null: an unconditional upsert.
    private sealed record Write(TableEntity Row, ETag? IfMatch, int Size)
    {
        public TaskCompletionSource<string> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
