using Azure.Core;
using Azure.Data.Tables;
using FunctionScheduler.Core.Liveness;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Testing.Azurite;
using static FunctionScheduler.Core.Tests.Storage.StorageSamples;

namespace FunctionScheduler.Core.Tests.Storage;

// The storage operations each method makes, as docs/storage.md lists them. Each request is one billed
// transaction; a change here changes the cost of running the scheduler and belongs in that table too.
public sealed class StorageOperationCountTests : IAsyncLifetime
{
    private readonly TableStorageOptions _options = AzuriteTables.NewOptions("ops");
    private readonly RequestLog _log;
    private readonly SchedulerTables _tables;
    private readonly TableTaskStore _store;
    private readonly TableRunLog _runs;
    private readonly TableHostRegistry _hosts;
    private readonly TableDefinitionHistory _history;

    public StorageOperationCountTests()
    {
        _log = new RequestLog(_options.TablePrefix);
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(_log, HttpPipelinePosition.PerRetry);
        _tables = new SchedulerTables(_options, clientOptions);
        _runs = new TableRunLog(_tables);
        _store = new TableTaskStore(_tables, _runs, Clock(), Microsoft.Extensions.Logging.Abstractions.NullLogger<TableTaskStore>.Instance);
        _hosts = new TableHostRegistry(_tables, Microsoft.Extensions.Logging.Abstractions.NullLogger<TableHostRegistry>.Instance);
        _history = new TableDefinitionHistory(_tables);
    }

    public async Task InitializeAsync()
    {
        await _tables.EnsureCreatedAsync();
        Assert.Equal(["POST Tables", "POST Tables", "POST Tables", "POST Tables"], _log.Take());
    }

    public Task DisposeAsync() => _tables.DeleteAllAsync();

    [Fact]
    public async Task EveryMethod_MakesTheDocumentedRequests()
    {
        var id = NewId("ops");
        var created = await _store.CreateAsync(Definition(id, "alpha"), BusyState());
        Assert.Equal(["POST TaskIds", "GET Runs", "GET Runs", "POST Tasks"], _log.Take());

        Assert.NotNull(await _store.GetAsync(id));
        Assert.Equal(["GET TaskIds", "GET Tasks"], _log.Take());

        Assert.NotNull(await _store.GetAsync("alpha", id));
        Assert.Equal(["GET Tasks"], _log.Take());

        var updated = await _store.UpdateStateAsync(created, created.State with { FireCount = 1 });
        Assert.Equal(["PATCH Tasks"], _log.Take());

        var replaced = await _store.ReplaceAsync(updated, Definition(id, "alpha") with { Name = "x" }, updated.State);
        Assert.Equal(["PUT Tasks"], _log.Take());

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _store.UpdateStateAsync(created, created.State));
        Assert.Equal(["PATCH Tasks"], _log.Take());

        await _store.ListAsync(new TaskQuery("alpha", TaskLifecycle.Active, 10));
        Assert.Equal(["GET Tasks"], _log.Take());

        var run = Run(id, Occurrence.Scheduled(T0, T0));
        await _runs.RecordAsync(run);
        Assert.Equal(["PUT Runs"], _log.Take());

        Assert.NotNull(await _runs.GetAsync(id, run.Occurrence, run.Generation));
        Assert.Equal(["GET Runs"], _log.Take());

        await _runs.ListAsync(id, 10, null);
        Assert.Equal(["GET Runs", "GET Runs"], _log.Take());

        await _runs.ListFiredBetweenAsync(id, T0, T0.AddHours(1));
        Assert.Equal(["GET Runs", "GET Runs"], _log.Take());

        Assert.Empty(await _history.ListAsync(replaced));
        Assert.Equal(["GET TaskIds"], _log.Take());

        Assert.True(await _store.DeleteAsync(replaced.Id));
        Assert.Equal(["GET TaskIds", "DELETE Tasks", "DELETE Tasks", "GET Runs", "POST $batch", "GET Runs", "GET TaskIds", "DELETE TaskIds"], _log.Take());
    }

    [Fact]
    public async Task Versions_KeptOnANewGenerationReadInOneRequestDeletedWithTheIdRow()
    {
        var id = NewId("ops-versions");
        var created = await _store.CreateAsync(Definition(id, "alpha"), TaskRunState.New(T0));
        _log.Take();

        var replaced = await _store.ReplaceAsync(created, Definition(id, "alpha") with { Name = "second" }, created.State with { Generation = 2 });
        Assert.Equal(["PUT TaskIds", "PUT Tasks"], _log.Take());

        var again = await _store.ReplaceAsync(replaced, Definition(id, "alpha") with { Name = "third" }, replaced.State with { Generation = 3 });
        Assert.Equal(["PUT TaskIds", "PUT Tasks"], _log.Take());

        Assert.Equal([2L, 1L], (await _history.ListAsync(again)).Select(v => v.Number));
        Assert.Equal(["GET TaskIds"], _log.Take());

        Assert.Equal([1L], (await _history.GetAsync(again, [1L])).Select(v => v.Number));
        Assert.Equal(["GET TaskIds"], _log.Take());

        Assert.True(await _store.DeleteAsync(id));
        Assert.Equal(["GET TaskIds", "DELETE Tasks", "DELETE Tasks", "GET Runs", "GET Runs", "GET TaskIds", "POST $batch"], _log.Take());
    }

    [Fact]
    public async Task HostRegistry_BeatReadAndForget_OneRequestEach()
    {
        var beat = new HostRecord("ops-host", HostStatus.Running, T0, T0);

        await _hosts.WriteAsync(beat);
        Assert.Equal(["PUT Hosts"], _log.Take());

        var read = Assert.Single(await _hosts.ListAsync());
        Assert.Equal(["GET Hosts"], _log.Take());

        Assert.True(await _hosts.DeleteAsync(read));
        Assert.Equal(["DELETE Hosts"], _log.Take());
    }

    [Fact]
    public async Task CreateAsync_OverOrphanIdRow_EightRequests()
    {
        var id = NewId("ops-orphan");
        await _tables.TaskIds.AddEntityAsync(TaskIdRow.Create(id, "alpha", T0 - TableTaskStore.OrphanGrace, "crashed"));
        _log.Take();

        await _store.CreateAsync(Definition(id, "beta"), TaskRunState.New(T0));

        Assert.Equal(["POST TaskIds", "GET TaskIds", "GET Tasks", "GET Tasks", "PUT TaskIds", "GET Runs", "GET Runs", "POST Tasks"], _log.Take());
    }

    [Fact]
    public async Task DeleteAllAsync_250Runs_ThreeBatchesAndOneQueryPerLayout()
    {
        var id = NewId("ops-runs");
        foreach (var chunk in Enumerable.Range(0, 250).Chunk(100))
        {
            await _tables.Runs.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(
                TableTransactionActionType.Add, RunRow.ToEntity(Run(id, Occurrence.Scheduled(T0.AddSeconds(i), T0.AddSeconds(i)))))));
        }

        _log.Take();

        await _runs.DeleteAllAsync(id);

        Assert.Equal(["GET Runs", "POST $batch", "POST $batch", "POST $batch", "GET Runs"], _log.Take());
    }
}
