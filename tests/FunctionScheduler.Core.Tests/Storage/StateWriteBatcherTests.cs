using Azure;
using Azure.Core;
using Azure.Data.Tables;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Testing.Azurite;
using Microsoft.Extensions.Logging.Abstractions;
using static FunctionScheduler.Core.Tests.Storage.StorageSamples;

namespace FunctionScheduler.Core.Tests.Storage;

/// <summary>
/// State writes of one partition sent together as entity group transactions: all or nothing for the service, but
/// never for the callers. A row whose condition fails gets its own conflict; the other rows keep their writes.
/// </summary>
public sealed class StateWriteBatcherTests : IAsyncLifetime
{
    private readonly TableStorageOptions _options = AzuriteTables.NewOptions("batch");
    private readonly RequestLog _log;
    private readonly SchedulerTables _tables;
    private readonly TableTaskStore _store;

    public StateWriteBatcherTests()
    {
        _log = new RequestLog(_options.TablePrefix);
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(_log, HttpPipelinePosition.PerRetry);
        _tables = new SchedulerTables(_options, clientOptions);
        _store = new TableTaskStore(_tables, new TableRunLog(_tables), Clock(), NullLogger<TableTaskStore>.Instance);
    }

    public Task InitializeAsync() => _tables.EnsureCreatedAsync();

    public Task DisposeAsync() => _tables.DeleteAllAsync();

    [Fact]
    public async Task MergeTogether_OneRowStale_ThatRowConflictsAndTheOthersAreWritten()
    {
        var tasks = await CreateInOnePartitionAsync(10);
        var stale = tasks[4];
        await _store.UpdateStateAsync(stale, stale.State with { FireCount = 99 });
        _log.Take();

        var done = new StateWriteBatcher(_tables.Tasks).MergeTogetherAsync([.. tasks.Select(Claim)]);

        var failure = await Assert.ThrowsAnyAsync<RequestFailedException>(() => done[4]);
        Assert.Equal(412, failure.Status);
        Assert.Equal(["POST $batch", "POST $batch"], _log.Take());
        for (var i = 0; i < tasks.Count; i++)
        {
            var read = await _store.GetAsync(tasks[i].Group, tasks[i].Id);
            Assert.NotNull(read);
            if (i == 4)
            {
                Assert.Equal(99, read.State.FireCount);
                Assert.Empty(read.State.InFlight);
            }
            else
            {
                Assert.Equal(await done[i], read.Version);
                Assert.Equal("host-a", Assert.Single(read.State.InFlight).ClaimedBy);
            }
        }
    }

    [Fact]
    public async Task MergeTogether_RowsStaleAndDeleted_EachGetsItsOwnAnswerAndTheRestAreWritten()
    {
        var tasks = await CreateInOnePartitionAsync(6);
        await _store.UpdateStateAsync(tasks[0], tasks[0].State with { FireCount = 5 });
        await _store.UpdateStateAsync(tasks[5], tasks[5].State with { FireCount = 5 });
        Assert.True(await _store.DeleteAsync(tasks[2].Id));

        var done = new StateWriteBatcher(_tables.Tasks).MergeTogetherAsync([.. tasks.Select(Claim)]);

        Assert.Equal(412, (await Assert.ThrowsAnyAsync<RequestFailedException>(() => done[0])).Status);
        Assert.Equal(404, (await Assert.ThrowsAnyAsync<RequestFailedException>(() => done[2])).Status);
        Assert.Equal(412, (await Assert.ThrowsAnyAsync<RequestFailedException>(() => done[5])).Status);
        foreach (var i in new[] { 1, 3, 4 })
        {
            await done[i];
            var read = await _store.GetAsync(tasks[i].Group, tasks[i].Id);
            Assert.NotNull(read);
            Assert.Equal("host-a", Assert.Single(read.State.InFlight).ClaimedBy);
        }
    }

    [Fact]
    public async Task UpdateStateAsync_ManyRowsOfOnePartitionAtOnce_FewerRequestsThanRowsAndVersionsThatWriteAgain()
    {
        var tasks = await CreateInOnePartitionAsync(60);
        _log.Take();

        var claimed = await Task.WhenAll(tasks.Select(t => _store.UpdateStateAsync(t, ClaimState(t))));
        var requests = _log.Take();

        // MaxInFlightPerPartition requests leave at once; what queued behind them goes out a hundred rows at a time.
        Assert.InRange(requests.Count, 1, StateWriteBatcher.MaxInFlightPerPartition * 3);
        Assert.Contains("POST $batch", requests);

        // Each version returned is the stored one: the clearing written on it succeeds.
        var cleared = await Task.WhenAll(claimed.Select(t => _store.UpdateStateAsync(t, t.State with { InFlight = [], FireCount = 1 })));
        foreach (var task in cleared)
        {
            var read = await _store.GetAsync(task.Group, task.Id);
            Assert.NotNull(read);
            Assert.Equal(task.Version, read.Version);
            Assert.Empty(read.State.InFlight);
            Assert.Equal(1, read.State.FireCount);
        }
    }

    [Fact]
    public async Task RecordAsync_RunsOfManyTasksOfOneShardAtOnce_FewerRequestsThanRecordsEachStored()
    {
        var runs = new TableRunLog(_tables);
        var shard = RunPartitions.For("seed");
        var ids = Enumerable.Range(0, 100_000).Select(i => $"run-{i}").Where(id => RunPartitions.For(id) == shard).Take(60).ToList();
        var occurrence = Occurrence.Scheduled(T0, T0);
        _log.Take();

        await Task.WhenAll(ids.Select(id => runs.RecordAsync(Run(id, occurrence))));
        var requests = _log.Take();

        Assert.InRange(requests.Count, 1, StateWriteBatcher.MaxInFlightPerPartition * 3);
        Assert.Contains("POST $batch", requests);
        foreach (var id in ids)
        {
            Assert.Equal(Run(id, occurrence), await runs.GetAsync(id, occurrence, 2));
        }
    }

    [Fact]
    public async Task UpdateStateAsync_TwoClaimantsRaceOverEveryRowOfAPartition_EachRowClaimedOnce()
    {
        var tasks = await CreateInOnePartitionAsync(50);

        var attempts = tasks.SelectMany(t => new[] { "host-a", "host-b" }.Select(claimant => TryClaimAsync(t, claimant))).ToList();
        var winners = await Task.WhenAll(attempts);

        foreach (var task in tasks)
        {
            var read = await _store.GetAsync(task.Group, task.Id);
            Assert.NotNull(read);
            var stored = Assert.Single(read.State.InFlight);
            var won = winners.Where(w => w.Id == task.Id && w.Claimant is not null).ToList();
            Assert.Equal(stored.ClaimedBy, Assert.Single(won).Claimant);
        }
    }

    private async Task<(string Id, string? Claimant)> TryClaimAsync(StoredTask task, string claimant)
    {
        try
        {
            await _store.UpdateStateAsync(task, ClaimState(task, claimant));
            return (task.Id, claimant);
        }
        catch (ConcurrencyConflictException)
        {
            return (task.Id, null);
        }
    }

    // Tasks whose ids fall in one partition of one group, as a burst of one group's tasks does in part.
    private async Task<List<StoredTask>> CreateInOnePartitionAsync(int count)
    {
        var group = "g" + Guid.NewGuid().ToString("N")[..8];
        var ids = Enumerable.Range(0, int.MaxValue)
            .Select(i => $"t{i:D6}")
            .Where(id => TaskPartitions.For(group, id) == TaskPartitions.For(group, "t000000"))
            .Take(count);
        var created = new List<StoredTask>();
        foreach (var id in ids)
        {
            created.Add(await _store.CreateAsync(IntervalDefinition(id, group), TaskRunState.New(T0)));
        }

        return created;
    }

    private static (TableEntity Row, ETag IfMatch) Claim(StoredTask task) =>
        (TaskRow.ToStateChangeEntity(TaskRow.PartitionOf(task), task.Id, ClaimState(task), task.State), new ETag(task.Version));

    private static TaskRunState ClaimState(StoredTask task, string claimant = "host-a") => task.State with
    {
        InFlight = [new ClaimedOccurrence(Occurrence.Scheduled(T0, T0), claimant, T0.AddMinutes(2), task.State.Generation)],
    };
}
