using Azure.Data.Tables;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Testing.Azurite;
using static FunctionScheduler.Core.Tests.Storage.StorageSamples;

namespace FunctionScheduler.Core.Tests.Storage;

// Kept definitions: written by a replace that starts a generation, bounded by their ring of row keys, removed with
// the task, and never mistaken for another task's of the same id.
public sealed class TableDefinitionHistoryTests(AzuriteTables azurite) : IClassFixture<AzuriteTables>
{
    private SchedulerTables Tables => azurite.Tables;

    private TableDefinitionHistory History => new(Tables);

    [Fact]
    public async Task ReplaceAsync_NewGenerations_KeepEachReplacedDefinitionWithItsSecretsNewestFirst()
    {
        var id = NewId("keep");
        var store = TaskStore(Tables);
        var first = await store.CreateAsync(Definition(id), TaskRunState.New(T0));
        var second = await ReplaceAsync(store, first, d => d with { Name = "second", Target = d.Target with { SecretHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer two" } } }, T0.AddHours(1));
        var third = await ReplaceAsync(store, second, d => d with { Name = "third" }, T0.AddHours(2));

        var kept = await History.ListAsync(third);

        Assert.Equal([2L, 1L], kept.Select(v => v.Number));
        Assert.Equal([T0.AddHours(1), T0], kept.Select(v => v.SavedAt));
        Assert.Equal(["second", "Nightly report"], kept.Select(v => v.Definition.Name));
        Assert.Equal(["Bearer two", "Bearer s3cret"], kept.Select(v => v.Definition.Target.SecretHeaders["Authorization"]));
        StoredTaskAssert.Equal(first.Definition, kept[1].Definition);
    }

    [Fact]
    public async Task ReplaceAsync_SameGeneration_KeepsNothing()
    {
        var id = NewId("same");
        var store = TaskStore(Tables);
        var created = await store.CreateAsync(Definition(id), TaskRunState.New(T0));

        var replaced = await store.ReplaceAsync(created, Definition(id) with { Name = "x" }, created.State);

        Assert.Empty(await History.ListAsync(replaced));
    }

    [Fact]
    public async Task ReplaceAsync_SixtyVersions_KeepsTheLatestFiftyInFiftyOneRows()
    {
        var id = NewId("ring");
        var store = TaskStore(Tables);
        var task = await store.CreateAsync(Definition(id), TaskRunState.New(T0));
        for (var i = 1; i <= 60; i++)
        {
            task = await ReplaceAsync(store, task, d => d with { Name = $"v{i + 1}" }, T0.AddMinutes(i));
        }

        var kept = await History.ListAsync(task);

        Assert.Equal(61, task.State.Generation);
        Assert.Equal(Enumerable.Range(11, 50).Select(n => (long)n).Reverse(), kept.Select(v => v.Number));
        Assert.All(kept, v => Assert.Equal($"v{v.Number}", v.Definition.Name));
        Assert.Equal(IDefinitionHistory.MaxKept + 1, await CountVersionRowsAsync(id));
        Assert.Equal([40L, 39L], (await History.GetAsync(task, [40L, 39L, 5L])).Select(v => v.Number));
    }

    [Fact]
    public async Task ReplaceAsync_LosesTheRaceAfterKeeping_NoKeptVersionIsLostAndTheCopyOfTheCurrentIsNotListed()
    {
        var id = NewId("race");
        var store = TaskStore(Tables);
        var task = await store.CreateAsync(Definition(id), TaskRunState.New(T0));
        for (var i = 1; i <= IDefinitionHistory.MaxKept; i++)
        {
            task = await ReplaceAsync(store, task, d => d with { Name = $"v{i + 1}" }, T0.AddMinutes(i));
        }

        var before = await History.ListAsync(task);
        var stale = task with { Version = "W/\"datetime'2000-01-01T00%3A00%3A00Z'\"" };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => ReplaceAsync(store, stale, d => d with { Name = "lost" }, T0.AddDays(1)));

        var after = await History.ListAsync(task);
        Assert.Equal(before.Select(v => v.Number), after.Select(v => v.Number));
        Assert.Equal(IDefinitionHistory.MaxKept, after.Count);
    }

    [Fact]
    public async Task DeleteAsync_TaskWithVersions_RemovesThemWithTheIdRow()
    {
        var id = NewId("gone");
        var store = TaskStore(Tables);
        var task = await store.CreateAsync(Definition(id), TaskRunState.New(T0));
        task = await ReplaceAsync(store, task, d => d with { Name = "b" }, T0.AddMinutes(1));
        await ReplaceAsync(store, task, d => d with { Name = "c" }, T0.AddMinutes(2));

        Assert.True(await store.DeleteAsync(id));

        Assert.Equal(0, await CountVersionRowsAsync(id));
        Assert.Empty(Tables.TaskIds.Query<TableEntity>(e => e.PartitionKey == id).ToList());
    }

    [Fact]
    public async Task ListAsync_RowWrittenLateForAnEarlierTaskOfTheSameId_IsNotItsVersion()
    {
        // A replace of an earlier task of this id, slow enough that the task was deleted and created again meanwhile,
        // keeps its version after all: the row carries the earlier task's creation and is not the new one's.
        var id = NewId("earlier");
        var store = TaskStore(Tables);
        var created = await store.CreateAsync(Definition(id) with { Name = "new" }, TaskRunState.New(T0.AddHours(1)));
        var second = await ReplaceAsync(store, created, d => d with { Name = "new-2" }, T0.AddHours(2));
        var third = await ReplaceAsync(store, second, d => d with { Name = "new-3" }, T0.AddHours(3));
        var earlier = new StoredTask(Definition(id) with { Name = "earlier-2" }, TaskRunState.New(T0) with { Generation = 2 }, "*");
        await Tables.TaskIds.UpsertEntityAsync(VersionRow.ToEntity(earlier), TableUpdateMode.Replace);

        var kept = await History.ListAsync(third);

        Assert.Equal(["new"], kept.Select(v => v.Definition.Name));
        Assert.Empty(await History.GetAsync(third, [2L]));
    }

    private static async Task<StoredTask> ReplaceAsync(TableTaskStore store, StoredTask current, Func<ScheduledTask, ScheduledTask> change, DateTimeOffset at)
    {
        var state = TaskTransitions.Apply(current.State, TaskCommand.Replace, at)!;
        return await store.ReplaceAsync(current, change(current.Definition), state);
    }

    private async Task<int> CountVersionRowsAsync(string id)
    {
        var count = 0;
        await foreach (var _ in Tables.TaskIds.QueryAsync<TableEntity>($"PartitionKey eq '{id}' and RowKey ge 'v'", select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
