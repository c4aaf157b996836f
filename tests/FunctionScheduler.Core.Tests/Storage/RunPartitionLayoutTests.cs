using Azure.Data.Tables;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Testing.Azurite;
using static FunctionScheduler.Core.Tests.Storage.StorageSamples;

namespace FunctionScheduler.Core.Tests.Storage;

/// <summary>
/// Run records of many tasks share a shard's partition, each task's a key range of it; records an earlier version
/// wrote in the task's own partition are read, listed after the newer ones and deleted where they are.
/// </summary>
public sealed class RunPartitionLayoutTests(AzuriteTables azurite) : IClassFixture<AzuriteTables>
{
    private TableRunLog Runs { get; } = new(azurite.Tables);

    [Fact]
    public void For_ManyTasks_SpreadOverEveryShardNoneALegacyPartition()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => $"task-{i}").ToList();
        var partitions = ids.Select(RunPartitions.For).ToHashSet();

        Assert.Equal(TaskPartitions.Shards, partitions.Count);
        Assert.All(partitions, p => Assert.False(RunPartitions.IsLegacy(p)));
        Assert.All(ids, id => Assert.True(RunPartitions.IsLegacy(id)));
    }

    [Fact]
    public void TaskOf_EitherLayout_IsTheTask()
    {
        var current = RunRow.ToEntity(Run("a.b-c_9", Occurrence.Scheduled(T0, T0)));
        var legacy = new TableEntity("a.b-c_9", RunId.KeyOf(Occurrence.Scheduled(T0, T0), 2));

        Assert.Equal("a.b-c_9", RunPartitions.TaskOf(current));
        Assert.Equal("a.b-c_9", RunPartitions.TaskOf(legacy));
    }

    [Fact]
    public async Task ListAsync_TaskWhoseIdPrefixesAnother_ListsOnlyItsOwn()
    {
        // Ids chosen in one shard, one the other's prefix, so that only the key range keeps them apart.
        var prefix = NewId("pre");
        var longer = Enumerable.Range(0, 10_000).Select(i => $"{prefix}{i}").First(id => RunPartitions.For(id) == RunPartitions.For(prefix));
        await Runs.RecordAsync(Run(prefix, Occurrence.Scheduled(T0, T0)));
        await Runs.RecordAsync(Run(longer, Occurrence.Scheduled(T0.AddMinutes(1), T0.AddMinutes(1))));

        var mine = await Runs.ListAsync(prefix, 100, null);

        Assert.Equal([T0], mine.Items.Select(r => r.Occurrence.ScheduledAt));
        Assert.All(mine.Items, r => Assert.Equal(prefix, r.TaskId));
    }

    [Fact]
    public async Task GetAsync_RecordOfLegacyLayout_ReadsIt()
    {
        var id = NewId("legacy-get");
        var run = Run(id, Occurrence.Scheduled(T0, T0));
        await azurite.Tables.Runs.AddEntityAsync(Legacy(run));

        Assert.Equal(run, await Runs.GetAsync(id, run.Occurrence, run.Generation));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(100)]
    public async Task ListAsync_RecordsOfBothLayouts_NewerLayoutFirstThenLegacyAcrossPages(int pageSize)
    {
        var id = NewId("legacy-list");
        foreach (var minute in new[] { 0, 1, 2 })
        {
            await azurite.Tables.Runs.AddEntityAsync(Legacy(Run(id, Occurrence.Scheduled(T0.AddMinutes(minute), T0.AddMinutes(minute)))));
        }

        foreach (var minute in new[] { 3, 4 })
        {
            await Runs.RecordAsync(Run(id, Occurrence.Scheduled(T0.AddMinutes(minute), T0.AddMinutes(minute))));
        }

        var listed = new List<RunRecord>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Runs.ListAsync(id, pageSize, token);
            Assert.True(page.Items.Count <= pageSize);
            listed.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null && ++pages < 20);

        Assert.Null(token);
        Assert.Equal([4, 3, 2, 1, 0], listed.Select(r => (int)(r.Occurrence.ScheduledAt - T0).TotalMinutes));
        Assert.All(listed, r => Assert.Equal(id, r.TaskId));
    }

    [Fact]
    public async Task ListAsync_ForgedPhaseToken_ThrowsInvalidContinuationToken()
    {
        var id = NewId("forged");
        await Runs.RecordAsync(Run(id, Occurrence.Scheduled(T0, T0)));

        await Assert.ThrowsAsync<Core.Storage.InvalidContinuationTokenException>(() => Runs.ListAsync(id, 10, "Xabc"));
        await Assert.ThrowsAsync<Core.Storage.InvalidContinuationTokenException>(() => Runs.ListAsync(id, 10, "Labc"));
    }

    [Fact]
    public async Task DeleteAllAsync_RecordsOfBothLayouts_DeletesBoth()
    {
        var id = NewId("legacy-delete");
        await azurite.Tables.Runs.AddEntityAsync(Legacy(Run(id, Occurrence.Scheduled(T0, T0))));
        await Runs.RecordAsync(Run(id, Occurrence.Scheduled(T0.AddMinutes(1), T0.AddMinutes(1))));

        await Runs.DeleteAllAsync(id);

        Assert.Empty((await Runs.ListAsync(id, 100, null)).Items);
        Assert.Null(await Runs.GetAsync(id, Occurrence.Scheduled(T0, T0), 2));
    }

    [Fact]
    public async Task RecordAsync_ManyTasksAtOnce_EveryRecordStoredInItsShard()
    {
        var ids = Enumerable.Range(0, 300).Select(i => NewId($"burst{i}")).ToList();
        var occurrence = Occurrence.Scheduled(T0, T0);

        await Task.WhenAll(ids.Select(id => Runs.RecordAsync(Run(id, occurrence))));

        foreach (var id in ids)
        {
            var stored = await TableRows.ReadAsync(azurite.Tables.Runs, RunPartitions.For(id), RunPartitions.RowKey(id, RunId.KeyOf(occurrence, 2)), null, default);
            Assert.NotNull(stored);
            Assert.Equal(Run(id, occurrence), RunRow.FromEntity(stored));
        }
    }

    [Fact]
    public async Task RecordAsync_CallerAlreadyCancelled_ThrowsAndStoresNothing()
    {
        var id = NewId("cancelled");
        var run = Run(id, Occurrence.Scheduled(T0, T0));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runs.RecordAsync(run, new CancellationToken(canceled: true)));

        // Nothing left queued to go out later: a fire cut off at shutdown must leave no record for a takeover to find.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.Null(await Runs.GetAsync(id, run.Occurrence, run.Generation));
    }

    // A record as versions before the shared shards wrote it: the task's own partition, the run key alone.
    [Fact]
    public async Task ListFiredBetweenAsync_RecordsOfBothLayouts_FindsEachInTheWindowAndNoOtherTasks()
    {
        // What a backfill asks to pass over what already ran: records written before the shards count as well.
        var id = NewId("legacy-fired");
        var neighbour = Enumerable.Range(0, 10_000).Select(i => $"{id}{i}").First(other => RunPartitions.For(other) == RunPartitions.For(id));
        await azurite.Tables.Runs.AddEntityAsync(Legacy(Run(id, Occurrence.Scheduled(T0, T0))));
        await azurite.Tables.Runs.AddEntityAsync(Legacy(Run(id, Occurrence.Scheduled(T0.AddHours(3), T0.AddHours(3)))));
        await Runs.RecordAsync(Run(id, Occurrence.Scheduled(T0.AddHours(1), T0.AddHours(1))));
        await Runs.RecordAsync(Run(id, Occurrence.Scheduled(T0.AddHours(4), T0.AddHours(4))));
        await Runs.RecordAsync(Run(neighbour, Occurrence.Scheduled(T0.AddHours(1), T0.AddHours(1))));

        var fired = await Runs.ListFiredBetweenAsync(id, T0, T0.AddHours(2));

        Assert.Equal([T0, T0.AddHours(1)], fired.Select(r => r.Occurrence.ScheduledAt).Order());
        Assert.All(fired, r => Assert.Equal(id, r.TaskId));
    }

    private static TableEntity Legacy(RunRecord run)
    {
        var row = RunRow.ToEntity(run);
        return new TableEntity(row) { PartitionKey = run.TaskId, RowKey = RunId.KeyOf(run.Occurrence, run.Generation) };
    }
}
