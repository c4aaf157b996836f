using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Testing.Azurite;
using static FunctionScheduler.Core.Tests.Storage.StorageSamples;

namespace FunctionScheduler.Core.Tests.Storage;

public sealed class TableTaskStoreTests(AzuriteTables azurite) : IClassFixture<AzuriteTables>
{
    [Fact]
    public async Task CreateAsync_NewTask_ReadsBackByIdAndByGroup()
    {
        var store = TaskStore(azurite.Tables);
        var definition = Definition(NewId("create"), "reports");
        var state = BusyState();

        var created = await store.CreateAsync(definition, state);
        var byId = await store.GetAsync(definition.Id);
        var byGroup = await store.GetAsync("reports", definition.Id);

        Assert.NotNull(byId);
        Assert.NotNull(byGroup);
        Assert.False(string.IsNullOrEmpty(created.Version));
        Assert.Equal(created.Version, byId.Version);
        Assert.Equal(created.Version, byGroup.Version);
        StoredTaskAssert.Equal(definition, byId.Definition);
        StoredTaskAssert.Equal(state, byId.State);
        StoredTaskAssert.Equal(definition, byGroup.Definition);
        StoredTaskAssert.Equal(state, byGroup.State);
    }

    [Fact]
    public async Task CreateAsync_NewTaskWithDefaults_RoundTripsNullsAndEmptyLists()
    {
        var store = TaskStore(azurite.Tables);
        var definition = IntervalDefinition(NewId("defaults"));
        var state = TaskRunState.New(T0);

        await store.CreateAsync(definition, state);
        var read = await store.GetAsync(definition.Id);

        Assert.NotNull(read);
        StoredTaskAssert.Equal(definition, read.Definition);
        StoredTaskAssert.Equal(state, read.State);
        Assert.Null(read.State.NextFireAt);
        Assert.Null(read.State.Cursor);
        Assert.Null(read.Definition.Target.Body);
        Assert.Null(read.Definition.Target.Auth);
    }

    [Fact]
    public async Task CreateAsync_TargetWithAuth_ReadsBackTheAudience()
    {
        var store = TaskStore(azurite.Tables);
        var plain = Definition(NewId("auth"));
        var definition = plain with { Target = plain.Target with { Auth = new TargetAuth { Audience = "api://reports" } } };

        await store.CreateAsync(definition, TaskRunState.New(T0));
        var read = await store.GetAsync(definition.Id);

        Assert.NotNull(read);
        Assert.Equal(new TargetAuth { Type = TargetAuthType.ManagedIdentity, Audience = "api://reports" }, read.Definition.Target.Auth);
        StoredTaskAssert.Equal(definition, read.Definition);
    }

    [Fact]
    public async Task GetAsync_UnknownOrWrongGroup_ReturnsNull()
    {
        var store = TaskStore(azurite.Tables);
        var definition = Definition(NewId("get"), "alpha");
        await store.CreateAsync(definition, TaskRunState.New(T0));

        Assert.Null(await store.GetAsync(NewId("missing")));
        Assert.Null(await store.GetAsync("alpha", NewId("missing")));
        Assert.Null(await store.GetAsync("beta", definition.Id));
        Assert.Null(await store.GetAsync("not/a valid id"));
    }

    [Fact]
    public async Task CreateAsync_SameIdInAnotherGroup_ThrowsTaskAlreadyExists()
    {
        var store = TaskStore(azurite.Tables);
        var id = NewId("dup");
        await store.CreateAsync(Definition(id, "alpha"), TaskRunState.New(T0));

        await Assert.ThrowsAsync<TaskAlreadyExistsException>(() => store.CreateAsync(Definition(id, "beta"), TaskRunState.New(T0)));
        await Assert.ThrowsAsync<TaskAlreadyExistsException>(() => store.CreateAsync(Definition(id, "alpha"), TaskRunState.New(T0)));

        Assert.Null(await store.GetAsync("beta", id));
        Assert.Equal("alpha", (await store.GetAsync(id))?.Group);
    }

    [Fact]
    public async Task ReplaceAsync_CurrentVersion_WritesDefinitionAndStateWithNewVersion()
    {
        var store = TaskStore(azurite.Tables);
        var id = NewId("replace");
        var created = await store.CreateAsync(Definition(id, "alpha"), BusyState());
        var definition = IntervalDefinition(id, "alpha") with { Name = "renamed" };
        var state = TaskTransitions.Apply(created.State, TaskCommand.Replace, T0.AddDays(1))!;

        var replaced = await store.ReplaceAsync(created, definition, state);
        var read = await store.GetAsync(id);

        Assert.NotNull(read);
        Assert.NotEqual(created.Version, replaced.Version);
        Assert.Equal(replaced.Version, read.Version);
        StoredTaskAssert.Equal(definition, read.Definition);
        StoredTaskAssert.Equal(state, read.State);
    }

    [Fact]
    public async Task ReplaceAsync_StaleVersion_ThrowsConcurrencyConflictAndKeepsStoredTask()
    {
        var store = TaskStore(azurite.Tables);
        var id = NewId("stale-replace");
        var created = await store.CreateAsync(Definition(id), BusyState());
        var winner = await store.ReplaceAsync(created, Definition(id) with { Name = "first" }, created.State);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.ReplaceAsync(created, Definition(id) with { Name = "second" }, TaskRunState.New(T0)));

        var read = await store.GetAsync(id);
        Assert.NotNull(read);
        Assert.Equal(winner.Version, read.Version);
        Assert.Equal("first", read.Definition.Name);
        StoredTaskAssert.Equal(created.State, read.State);
    }

    [Theory]
    [InlineData("other-group", null)]
    [InlineData(null, "other-id")]
    public async Task ReplaceAsync_ChangedGroupOrId_ThrowsArgumentExceptionWithoutWriting(string? group, string? id)
    {
        var store = TaskStore(azurite.Tables);
        var created = await store.CreateAsync(Definition(NewId("immutable"), "alpha"), TaskRunState.New(T0));
        var changed = created.Definition with { Group = group ?? created.Group, Id = id ?? created.Id, Name = "changed" };

        await Assert.ThrowsAsync<ArgumentException>(() => store.ReplaceAsync(created, changed, created.State));

        var read = await store.GetAsync(created.Id);
        Assert.Equal(created.Version, read?.Version);
    }

    [Fact]
    public async Task UpdateStateAsync_CurrentVersion_WritesStateAndKeepsDefinition()
    {
        var store = TaskStore(azurite.Tables);
        var definition = Definition(NewId("state"));
        var created = await store.CreateAsync(definition, BusyState());
        var state = created.State with
        {
            Lifecycle = TaskLifecycle.Completed,
            Completion = CompletionReason.MaxRunsReached,
            NextFireAt = null,
            Cursor = null,
            InFlight = [],
            RunRequests = [],
            LastRun = null,
            FireCount = 500,
        };

        var updated = await store.UpdateStateAsync(created, state);
        var read = await store.GetAsync(definition.Id);

        Assert.NotNull(read);
        Assert.NotEqual(created.Version, updated.Version);
        Assert.Equal(updated.Version, read.Version);
        StoredTaskAssert.Equal(definition, read.Definition);
        StoredTaskAssert.Equal(state, read.State);
    }

    [Fact]
    public async Task UpdateStateAsync_StaleVersion_ThrowsConcurrencyConflictAndKeepsStoredState()
    {
        var store = TaskStore(azurite.Tables);
        var created = await store.CreateAsync(Definition(NewId("stale-state")), BusyState());
        var winner = await store.UpdateStateAsync(created, created.State with { FireCount = 18 });

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.UpdateStateAsync(created, created.State with { FireCount = 99, Lifecycle = TaskLifecycle.Paused }));

        var read = await store.GetAsync(created.Id);
        Assert.NotNull(read);
        Assert.Equal(winner.Version, read.Version);
        Assert.Equal(18, read.State.FireCount);
        Assert.Equal(TaskLifecycle.Active, read.State.Lifecycle);
    }

    [Fact]
    public async Task UpdateStateAsync_DeletedTask_ThrowsConcurrencyConflict()
    {
        var store = TaskStore(azurite.Tables);
        var created = await store.CreateAsync(Definition(NewId("gone")), BusyState());
        await store.DeleteAsync(created.Id);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.UpdateStateAsync(created, created.State));
        Assert.Null(await store.GetAsync(created.Id));
    }

    [Fact]
    public async Task DeleteAsync_TaskWithRuns_RemovesTaskIdAndRuns()
    {
        var store = TaskStore(azurite.Tables);
        var runs = new Core.Storage.Tables.TableRunLog(azurite.Tables);
        var created = await store.CreateAsync(Definition(NewId("delete"), "alpha"), BusyState());
        for (var i = 0; i < 130; i++)
        {
            await runs.RecordAsync(Run(created.Id, Occurrence.Scheduled(T0.AddMinutes(i), T0.AddMinutes(i))));
        }

        Assert.True(await store.DeleteAsync(created.Id));

        Assert.Null(await store.GetAsync(created.Id));
        Assert.Null(await store.GetAsync("alpha", created.Id));
        Assert.Empty((await runs.ListAsync(created.Id, 1000, null)).Items);
        Assert.False(await store.DeleteAsync(created.Id));
        var again = await store.CreateAsync(Definition(created.Id, "beta"), TaskRunState.New(T0));
        Assert.Equal("beta", again.Group);
    }

    [Fact]
    public async Task GetAsync_TablesDeletedUnderneath_ThrowsInsteadOfReportingAbsent()
    {
        // A missing table is also a 404; it must surface, not read as "no such task".
        var options = Microsoft.Extensions.Options.Options.Create(AzuriteTables.NewOptions("gone"));
        var tables = new Core.Storage.Tables.SchedulerTables(options);
        var store = TaskStore(tables);
        var created = await store.CreateAsync(Definition(NewId("gone")), TaskRunState.New(T0));
        await new Core.Storage.Tables.SchedulerTables(options).DeleteAllAsync();

        var ex = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => store.GetAsync(created.Id));

        Assert.Equal(404, ex.Status);
        Assert.Equal("TableNotFound", ex.ErrorCode);
    }
}
