using System.Text.Json.Nodes;
using FunctionScheduler.Core.Liveness;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using FunctionScheduler.Testing.Timing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>
/// Claims and the liveness of their hosts, on the real clock with short heartbeats: a gone host's claim is taken
/// over once its heartbeat has been silent for the host timeout (not before, and not after its lease), a live host
/// holding a claim for a long retry budget is never overtaken, and a stopped host's leftovers go at once.
/// </summary>
public sealed class LivenessTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan HostTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly string _prefix = AzuriteStorage.NewTablePrefix("live");
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackTarget _target = null!;
    private int _holds;

    public async Task InitializeAsync() => _target = await LoopbackTarget.StartAsync(endpoints =>
    {
        endpoints.MapPost("/fast", TargetBehaviors.Status(200, "ok"));
        endpoints.MapPost("/hold", HoldFirst);
    });

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _target.DisposeAsync();
        await StandaloneTestHost.DeleteTablesAsync(_prefix);
    }

    [Fact]
    public async Task GoneHost_ClaimDeepInsideItsLease_TakenOverOnceItsHeartbeatWasSilentForTheHostTimeout()
    {
        var tables = Tables();
        await new TableHostRegistry(tables, NullLogger<TableHostRegistry>.Instance)
            .WriteAsync(new HostRecord("ghost", HostStatus.Running, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        var now = DateTimeOffset.UtcNow;
        var occurrence = Occurrence.Manual(now);
        await Store(tables).CreateAsync(Dormant("orphaned", _target.UrlFor("/fast")), TaskRunState.New(now) with
        {
            InFlight = [new ClaimedOccurrence(occurrence, "ghost", now.AddHours(1), 1)],
        });

        var started = DateTimeOffset.UtcNow;
        await using var host = await StandaloneTestHost.StartAsync(_prefix, Liveness());

        Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/fast").Count >= 1, Bound), "The gone host's claim was never taken over.");
        var fire = Assert.Single(TargetFire.From(_target.RequestsTo("/fast")));
        Assert.Equal(RunId.For("orphaned", occurrence, 1), fire.RunId);
        Assert.True(fire.ReceivedAt >= started + HostTimeout, $"Taken over {fire.ReceivedAt - started} after start, before the ghost was silent for {HostTimeout}.");
    }

    [Fact]
    public async Task LiveHost_SlowTargetWithHalfHourRetryBudget_NeverTakenOverByAnother()
    {
        // A roomier timeout than the other tests': on a loaded machine one slow beat must not pass for a death.
        var roomy = Liveness(hostTimeout: TimeSpan.FromSeconds(3));
        await using var a = await StandaloneTestHost.StartAsync(_prefix, roomy);
        await using var b = await StandaloneTestHost.StartAsync(_prefix, roomy);
        (await a.Client.PostAsync("api/tasks", TaskBodies.Json(Patient("patient")))).EnsureSuccessStatusCode();
        (await a.Client.PostAsync("api/tasks/patient/run", null)).EnsureSuccessStatusCode();
        Assert.True(await Eventually.TrueAsync(() => Volatile.Read(ref _holds) == 1, Bound), "The run-now never reached the target.");

        // Several host timeouts and resyncs of B later, A is still calling the target: nobody else may.
        await Task.Delay(TimeSpan.FromSeconds(12));
        var whileHeld = _target.RequestsTo("/hold").Count;
        _release.TrySetResult();
        var store = Store(Tables());
        Assert.True(
            await Eventually.TrueAsync(async () => (await store.GetAsync("patient"))?.State is { InFlight.Count: 0, LastRun: not null }, Bound),
            "The held fire was never recorded.");

        Assert.Equal(1, whileHeld);
        Assert.Single(_target.RequestsTo("/hold"));
    }

    [Fact]
    public async Task StoppedHost_FireCancelledAtTheEndOfItsGrace_TakenOverAtOnceWithTheSameRunId()
    {
        // A host timeout far longer than the test's bound: only the stopped heartbeat can free the claim in time.
        var patient = Liveness(hostTimeout: TimeSpan.FromMinutes(5));
        var a = await StandaloneTestHost.StartAsync(_prefix, new Dictionary<string, string?>(patient) { ["Scheduler:Standalone:Dispatcher:ShutdownGrace"] = "00:00:00.500" });
        await using var b = await StandaloneTestHost.StartAsync(_prefix, patient);
        await using (a)
        {
            (await a.Client.PostAsync("api/tasks", TaskBodies.Json(Patient("cut-short")))).EnsureSuccessStatusCode();
            (await a.Client.PostAsync("api/tasks/cut-short/run", null)).EnsureSuccessStatusCode();
            Assert.True(await Eventually.TrueAsync(() => Volatile.Read(ref _holds) == 1, Bound), "The run-now never reached the target.");
            await a.StopAsync();
        }

        Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/hold").Count >= 2, Bound), "The stopped host's claim was not taken over.");
        var fires = TargetFire.From(_target.RequestsTo("/hold"));
        Assert.Single(fires.Select(f => f.RunId).Distinct());
    }

    private static Dictionary<string, string?> Liveness(TimeSpan? hostTimeout = null) => new()
    {
        ["Scheduler:Standalone:Dispatcher:HeartbeatInterval"] = Interval.ToString(),
        ["Scheduler:Standalone:Dispatcher:HostTimeout"] = (hostTimeout ?? HostTimeout).ToString(),
        ["Scheduler:Standalone:Dispatcher:ResyncInterval"] = "00:00:01",
    };

    // Half an hour of retry budget: the backstop lease alone would hold the claim for that long.
    private JsonObject Patient(string id)
    {
        var body = TaskBodies.Dormant(id, _target.UrlFor("/hold"));
        var target = body["target"]!.AsObject();
        target["timeout"] = "PT10M";
        target["retry"] = new JsonObject { ["maxAttempts"] = 3, ["maxDuration"] = "PT30M" };
        return body;
    }

    // The first call waits for the test (or for the caller to give up); later calls answer at once.
    private async Task HoldFirst(HttpContext context)
    {
        if (Interlocked.Increment(ref _holds) == 1)
        {
            try
            {
                await _release.Task.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        context.Response.StatusCode = 200;
    }

    private SchedulerTables Tables() => StandaloneTestHost.Tables(_prefix);

    private static TableTaskStore Store(SchedulerTables tables) =>
        new(tables, new TableRunLog(tables), TimeProvider.System, NullLogger<TableTaskStore>.Instance);

    private static ScheduledTask Dormant(string id, Uri url) => new()
    {
        Id = id,
        Schedule = new TaskSchedule { Kind = ScheduleKind.Once, At = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero) },
        Target = new HttpTarget { Url = url, Timeout = TimeSpan.FromSeconds(5) },
    };
}
