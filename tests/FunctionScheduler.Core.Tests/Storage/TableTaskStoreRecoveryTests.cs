using Azure;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Testing.Azurite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static FunctionScheduler.Core.Tests.Storage.StorageSamples;

namespace FunctionScheduler.Core.Tests.Storage;

// The crash windows of docs/storage.md, each made by writing (or removing) the rows a crash would leave.
public sealed class TableTaskStoreRecoveryTests(AzuriteTables azurite) : IClassFixture<AzuriteTables>
{
    private SchedulerTables Tables => azurite.Tables;

    [Fact]
    public async Task CreateAsync_OrphanIdRowOlderThanGrace_TakesItOverAndCreates()
    {
        // A create that crashed between its id row and its task row, in another group, long enough ago.
        var id = NewId("orphan");
        await Tables.TaskIds.AddEntityAsync(TaskIdRow.Create(id, "alpha", T0, "crashed-create"));
        var logger = new FakeLogger<TableTaskStore>();
        var store = TaskStore(Tables, Clock(T0 + TableTaskStore.OrphanGrace), logger);

        var created = await store.CreateAsync(Definition(id, "beta"), TaskRunState.New(T0));

        var read = await store.GetAsync(id);
        Assert.NotNull(read);
        Assert.Equal("beta", read.Group);
        Assert.Equal(created.Version, read.Version);
        Assert.Null(await store.GetAsync("alpha", id));
        var log = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Equal(1101, log.Id.Id);
    }

    [Fact]
    public async Task CreateAsync_OrphanIdRowYoungerThanGrace_ThrowsTaskAlreadyExistsAndKeepsRow()
    {
        // Indistinguishable from a create still between its two writes, so it is left alone for now.
        var id = NewId("young");
        await Tables.TaskIds.AddEntityAsync(TaskIdRow.Create(id, "alpha", T0, "in-progress"));
        var store = TaskStore(Tables, Clock(T0 + TableTaskStore.OrphanGrace - TimeSpan.FromSeconds(1)));

        var ex = await Assert.ThrowsAsync<TaskAlreadyExistsException>(() => store.CreateAsync(Definition(id, "beta"), TaskRunState.New(T0)));

        Assert.Contains("being created", ex.Message, StringComparison.Ordinal);
        var row = await Tables.TaskIds.GetEntityAsync<Azure.Data.Tables.TableEntity>(id, string.Empty);
        Assert.Equal("in-progress", row.Value.GetString(TaskIdRow.CreateId));
    }

    [Fact]
    public async Task GetAndDeleteAsync_OrphanIdRow_ReadsAbsentAndDeleteClearsIt()
    {
        var id = NewId("orphan-read");
        await Tables.TaskIds.AddEntityAsync(TaskIdRow.Create(id, "alpha", T0, "crashed-create"));
        var store = TaskStore(Tables);

        Assert.Null(await store.GetAsync(id));
        Assert.False(await store.DeleteAsync(id));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(
            () => Tables.TaskIds.GetEntityAsync<Azure.Data.Tables.TableEntity>(id, string.Empty));
        Assert.Equal(404, ex.Status);
    }

    [Fact]
    public async Task CreateAsync_AfterDeleteCrashedBeforeRunsAndIdRow_StartsWithEmptyHistory()
    {
        // A delete that removed the task row and then crashed: runs and id row are left behind.
        var clock = Clock();
        var store = TaskStore(Tables, clock);
        var runs = new TableRunLog(Tables);
        var old = await store.CreateAsync(Definition(NewId("half-deleted"), "alpha"), TaskRunState.New(T0));
        await runs.RecordAsync(Run(old.Id, Occurrence.Scheduled(T0, T0)));
        await Tables.Tasks.DeleteEntityAsync(TaskPartitions.For("alpha", old.Id), old.Id, ETag.All);
        clock.Advance(TableTaskStore.OrphanGrace);

        var created = await store.CreateAsync(Definition(old.Id, "alpha"), TaskRunState.New(T0));

        Assert.Equal(created.Version, (await store.GetAsync(old.Id))?.Version);
        Assert.Empty((await runs.ListAsync(old.Id, 10, null)).Items);
    }

    [Fact]
    public async Task CreateAsync_RunsRecordedAfterDelete_AreNotInheritedByNewTask()
    {
        // A fire that was in flight when its task was deleted records its run afterwards.
        var store = TaskStore(Tables);
        var runs = new TableRunLog(Tables);
        var id = NewId("late-run");
        await store.CreateAsync(Definition(id), TaskRunState.New(T0));
        Assert.True(await store.DeleteAsync(id));
        await runs.RecordAsync(Run(id, Occurrence.Scheduled(T0, T0)));

        await store.CreateAsync(Definition(id), TaskRunState.New(T0));

        Assert.Empty((await runs.ListAsync(id, 10, null)).Items);
    }

    [Fact]
    public async Task DeleteAsync_IdTakenOverDuringDelete_KeepsNewIdRow()
    {
        // The id row changes between the delete's read and its conditional removal of the row.
        var id = NewId("retaken");
        var store = TaskStore(Tables);
        await store.CreateAsync(Definition(id, "alpha"), TaskRunState.New(T0));
        var stale = (await Tables.TaskIds.GetEntityAsync<Azure.Data.Tables.TableEntity>(id, string.Empty)).Value;
        await Tables.TaskIds.UpdateEntityAsync(TaskIdRow.Create(id, "alpha", T0, "other-create"), ETag.All, Azure.Data.Tables.TableUpdateMode.Replace);
        var ids = new TaskIdIndex(Tables, new TableDefinitionHistory(Tables), Clock(), new FakeLogger());

        await ids.ReleaseAsync(stale, CancellationToken.None);

        var row = await ids.FindAsync(id, CancellationToken.None);
        Assert.Equal("other-create", row?.GetString(TaskIdRow.CreateId));
    }

    [Fact]
    public async Task DeleteAsync_IdTakenOverDuringDeleteOfATaskWithVersions_KeepsNewIdRowAndTheVersionRows()
    {
        // The id row and the version rows go in one transaction on the id row's version: a take-over fails it whole,
        // since the rows beside the new id row may be the new task's.
        var id = NewId("retaken-versions");
        var store = TaskStore(Tables);
        var created = await store.CreateAsync(Definition(id, "alpha"), TaskRunState.New(T0));
        await store.ReplaceAsync(created, Definition(id, "alpha") with { Name = "b" }, TaskTransitions.Apply(created.State, TaskCommand.Replace, T0.AddMinutes(1))!);
        var stale = (await Tables.TaskIds.GetEntityAsync<Azure.Data.Tables.TableEntity>(id, string.Empty)).Value;
        await Tables.TaskIds.UpdateEntityAsync(TaskIdRow.Create(id, "alpha", T0, "other-create"), ETag.All, Azure.Data.Tables.TableUpdateMode.Replace);
        var ids = new TaskIdIndex(Tables, new TableDefinitionHistory(Tables), Clock(), new FakeLogger());

        await ids.ReleaseAsync(stale, CancellationToken.None);

        var row = await ids.FindAsync(id, CancellationToken.None);
        Assert.Equal("other-create", row?.GetString(TaskIdRow.CreateId));
        Assert.NotNull(await TableRows.ReadAsync(Tables.TaskIds, id, VersionRow.KeyOf(1), null, CancellationToken.None));
    }
}
