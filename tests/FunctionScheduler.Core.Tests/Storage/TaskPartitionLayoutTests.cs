using Azure;
using Azure.Data.Tables;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Testing.Azurite;
using static FunctionScheduler.Core.Tests.Storage.StorageSamples;

namespace FunctionScheduler.Core.Tests.Storage;

/// <summary>
/// Rows are spread over a group's partitions by id; rows an earlier version wrote in the group's own partition are
/// read, listed and deleted where they are, and move to their partition on their next write.
/// </summary>
public sealed class TaskPartitionLayoutTests(AzuriteTables azurite) : IClassFixture<AzuriteTables>
{
    private SchedulerTables Tables => azurite.Tables;

    [Fact]
    public void For_IdsOfOneGroup_SpreadOverEveryPartitionOfTheGroup()
    {
        var partitions = Enumerable.Range(0, 10_000).Select(i => TaskPartitions.For("reports", $"task-{i}")).ToHashSet();

        Assert.Equal(TaskPartitions.Shards, partitions.Count);
        Assert.All(partitions, p => Assert.StartsWith("reports~", p, StringComparison.Ordinal));
        Assert.All(partitions, p => Assert.False(TaskPartitions.IsLegacy(p)));
        Assert.True(TaskPartitions.IsLegacy("reports"));
    }

    [Fact]
    public async Task CreateAsync_NewTask_RowInItsPartitionNotTheGroups()
    {
        var store = TaskStore(Tables);
        var definition = Definition(NewId("layout"), "alpha");

        await store.CreateAsync(definition, BusyState());

        Assert.NotNull(await TableRows.ReadAsync(Tables.Tasks, TaskPartitions.For("alpha", definition.Id), definition.Id, null, default));
        Assert.Null(await TableRows.ReadAsync(Tables.Tasks, "alpha", definition.Id, null, default));
    }

    [Fact]
    public async Task GetAndList_RowOfAnEarlierVersion_ReadAndListedWhereItIs()
    {
        var store = TaskStore(Tables);
        var group = NewGroup();
        var legacy = await SeedLegacyAsync(store, group);
        var current = await store.CreateAsync(Definition(NewId("new"), group), BusyState());

        var read = await store.GetAsync(legacy.Id);
        var listed = await store.ListAsync(new TaskQuery(group, null, 10));

        Assert.NotNull(read);
        StoredTaskAssert.Equal(legacy.Definition, read.Definition);
        StoredTaskAssert.Equal(legacy.State, read.State);
        Assert.Equal([legacy.Id, current.Id], listed.Items.Select(t => t.Id).Order(StringComparer.Ordinal).ToArray()
            .OrderBy(id => id == current.Id).ToArray());
    }

    [Fact]
    public async Task UpdateStateAsync_RowOfAnEarlierVersion_MovesItToItsPartitionWithTheNewState()
    {
        var store = TaskStore(Tables);
        var group = NewGroup();
        var legacy = await SeedLegacyAsync(store, group);

        var written = await store.UpdateStateAsync(legacy, legacy.State with { FireCount = 42 });

        Assert.Null(await TableRows.ReadAsync(Tables.Tasks, group, legacy.Id, null, default));
        var read = await store.GetAsync(group, legacy.Id);
        Assert.NotNull(read);
        Assert.Equal(written.Version, read.Version);
        Assert.Equal(42, read.State.FireCount);
        StoredTaskAssert.Equal(legacy.Definition, read.Definition);

        // The moved row is written like any other from now on: one request.
        var again = await store.UpdateStateAsync(read, read.State with { FireCount = 43 });
        Assert.Equal(43, (await store.GetAsync(group, legacy.Id))!.State.FireCount);
        Assert.NotEqual(read.Version, again.Version);
    }

    [Fact]
    public async Task UpdateStateAsync_RowOfAnEarlierVersionWrittenSinceRead_ConflictsAndMovesNothing()
    {
        var store = TaskStore(Tables);
        var group = NewGroup();
        var legacy = await SeedLegacyAsync(store, group);
        var winner = await store.UpdateStateAsync(legacy, legacy.State with { FireCount = 1 });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.UpdateStateAsync(legacy, legacy.State with { FireCount = 2 }));

        var read = await store.GetAsync(group, legacy.Id);
        Assert.NotNull(read);
        Assert.Equal(winner.Version, read.Version);
        Assert.Equal(1, read.State.FireCount);
    }

    [Fact]
    public async Task GetAsync_MoveCutShortAfterTheMark_FinishesTheMoveAndReturnsTheMarkedContent()
    {
        var store = TaskStore(Tables);
        var group = NewGroup();
        var legacy = await SeedLegacyAsync(store, group);
        await MarkAsync(legacy, legacy.State with { FireCount = 7 });

        var read = await store.GetAsync(group, legacy.Id);

        Assert.NotNull(read);
        Assert.Equal(7, read.State.FireCount);
        Assert.Null(await TableRows.ReadAsync(Tables.Tasks, group, legacy.Id, null, default));
        Assert.NotNull(await TableRows.ReadAsync(Tables.Tasks, TaskPartitions.For(group, legacy.Id), legacy.Id, null, default));

        // A writer still holding the version read before the mark loses, whatever it wanted to write.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.UpdateStateAsync(legacy, legacy.State));
    }

    [Fact]
    public async Task ListAsync_MarkedRowAlreadyCopied_ListsTheTaskOnce()
    {
        var store = TaskStore(Tables);
        var group = NewGroup();
        var legacy = await SeedLegacyAsync(store, group);
        var marked = await MarkAsync(legacy, legacy.State with { FireCount = 7 });
        var copy = TaskRow.ToEntity(legacy.Definition, legacy.State with { FireCount = 8 });
        await Tables.Tasks.AddEntityAsync(copy); // the mover copied, then stopped before deleting the marked row

        var listed = await store.ListAsync(new TaskQuery(group, null, 10));

        var only = Assert.Single(listed.Items);
        Assert.Equal(8, only.State.FireCount);
        Assert.NotNull(marked);
    }

    [Fact]
    public async Task DeleteAsync_RowOfAnEarlierVersion_DeletesItAndAMarkCannotBringItBack()
    {
        var store = TaskStore(Tables);
        var group = NewGroup();
        var legacy = await SeedLegacyAsync(store, group);
        await MarkAsync(legacy, legacy.State);

        Assert.True(await store.DeleteAsync(legacy.Id));

        Assert.Null(await store.GetAsync(group, legacy.Id));
        Assert.Empty((await store.ListAsync(new TaskQuery(group, null, 10))).Items);
    }

    private static string NewGroup() => "g" + Guid.NewGuid().ToString("N")[..10];

    // What an earlier version stored: the task row in the group's partition (its id row is the same as today's).
    private async Task<StoredTask> SeedLegacyAsync(TableTaskStore store, string group)
    {
        var created = await store.CreateAsync(Definition(NewId("old"), group), BusyState());
        await Tables.Tasks.DeleteEntityAsync(TaskPartitions.For(group, created.Id), created.Id, ETag.All);
        var response = await Tables.Tasks.AddEntityAsync(TaskRow.ToEntity(created.Definition, created.State, TaskPartitions.Legacy(group)));
        var read = await store.GetAsync(group, created.Id);
        Assert.NotNull(read);
        Assert.Equal(TableRows.VersionOf(response), read.Version);
        return read;
    }

    // The first of a move's three writes, as a mover that stopped right after it left it.
    private async Task<TableEntity> MarkAsync(StoredTask legacy, TaskRunState state)
    {
        var marked = TaskRow.ToEntity(legacy.Definition, state, TaskPartitions.Legacy(legacy.Group));
        marked[TaskRow.MovedTo] = TaskPartitions.For(legacy.Group, legacy.Id);
        await Tables.Tasks.UpdateEntityAsync(marked, new ETag(legacy.Version), TableUpdateMode.Replace);
        return marked;
    }
}
