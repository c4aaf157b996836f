using System.Globalization;
using System.Text.Json;
using DurableTask.AzureStorage;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FunctionScheduler.Functions.Tests.Engine;

/// <summary>
/// A measurement, not part of the default run (scripts/test.sh leaves out <c>Category=Measurement</c>): how the
/// real Durable engine on the Azure Storage backend over Azurite fires many tasks due at the same second. Run it
/// alone: <c>FUNCTIONSCHEDULER_BURST_TASKS=1000 dotnet test tests/FunctionScheduler.Functions.Tests -c Release
/// --filter Category=Measurement --logger "console;verbosity=detailed"</c> (the count defaults to 1,000). It writes
/// how many fired within two minutes, their lateness and the orchestrator's passes to the test output
/// (docs/benchmarks/bursts.md records a run); it asserts only what must hold whatever the speed: nothing early,
/// one run id per occurrence.
/// </summary>
[Trait("Category", "Measurement")]
public sealed class BurstMeasurement(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private readonly string _tablePrefix = AzuriteStorage.NewTablePrefix("burst");
    private readonly string _taskHub = EngineBackends.NewTaskHub();
    private readonly FunctionTasks _tasks = new();
    private ILoggerFactory _loggers = null!;
    private LoopbackTarget _target = null!;
    private DurableEngine _engine = null!;
    private AzureStorageOrchestrationService _service = null!;

    // Disposed with the logger factory it is added to.
    private LogCounter Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _loggers = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Warning));
        _target = await LoopbackTarget.StartAsync(endpoints => endpoints.MapPost("/burst", TargetBehaviors.Status(200, "ok")));
        _service = await EngineBackends.AzureStorageAsync(_taskHub, _loggers);
        _engine = await DurableEngine.StartAsync(_service, _tasks, DurableEngine.Settings(_tablePrefix), Logs);
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        await _target.DisposeAsync();
        await _service.DeleteAsync();
        await DurableEngine.DeleteTablesAsync(_tablePrefix);
        _loggers.Dispose();
    }

    [Fact]
    public async Task ManyTasksAtSecondZero_FireNeverEarlyOneRunIdEach_LatenessWrittenOut()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("FUNCTIONSCHEDULER_BURST_TASKS"), CultureInfo.InvariantCulture, out var n) ? n : 1_000;
        var created = DateTimeOffset.UtcNow;
        var retried = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            // Creating starts an orchestration each, on the same Azurite: a 503 (the storage deadline) is tried
            // again, as a client would.
            for (var attempt = 1; ; attempt++)
            {
                var response = await _engine.Host.SendAsync("POST", "/api/tasks", _engine.Client, Body($"burst-{i:D5}"));
                if ((int)response.StatusCode == 503 && attempt < 5)
                {
                    Interlocked.Increment(ref retried);
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                    continue;
                }

                Assert.True((int)response.StatusCode is 201 or 409, $"Create answered {(int)response.StatusCode}: {response.BodyText}");
                break;
            }
        });
        var createdIn = DateTimeOffset.UtcNow - created;

        // Starting a thousand orchestrations leaves the engine a backlog of first passes: wait (bounded) until no
        // pass has run for 5 s, so that every orchestration waits on its timer, then take the next second 0 at least
        // 10 s away.
        var settleBy = DateTimeOffset.UtcNow.AddMinutes(5);
        var (lastPasses, quietSince) = (_tasks.Passes, DateTimeOffset.UtcNow);
        while (DateTimeOffset.UtcNow - quietSince < TimeSpan.FromSeconds(5) && DateTimeOffset.UtcNow < settleBy)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            if (_tasks.Passes != lastPasses)
            {
                (lastPasses, quietSince) = (_tasks.Passes, DateTimeOffset.UtcNow);
            }
        }

        var settledIn = DateTimeOffset.UtcNow - created - createdIn;
        var after = DateTimeOffset.UtcNow.AddSeconds(10);
        var instant = new DateTimeOffset(after.Year, after.Month, after.Day, after.Hour, after.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        var passesBefore = _tasks.Passes;
        var deadline = instant + Bound;
        while (DateTimeOffset.UtcNow < deadline && Burst(instant).Select(f => f.RunId).Distinct().Count() < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        var fires = Burst(instant);
        Assert.All(fires, f => Assert.True(f.ReceivedAt >= f.ScheduledAt, $"{f.RunId} arrived early, at {f.ReceivedAt:O}."));
        var firsts = fires.GroupBy(f => f.RunId).Select(g => g.MinBy(f => f.ReceivedAt)!).ToList();
        var lateness = firsts.Select(f => f.Lateness).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} tasks created in {createdIn.TotalSeconds:F1} s ({retried} creates answered 503 and sent again), their first passes done {settledIn.TotalSeconds:F0} s later ({lastPasses} passes); burst at {instant:HH:mm:ss}: {firsts.Count} of {count} fired within {Bound.TotalSeconds:F0} s ({fires.Count - firsts.Count} repeated with their run id), "
            + $"last at +{(firsts.Count == 0 ? 0 : firsts.Max(f => f.Lateness).TotalSeconds):F1} s, lateness {(lateness.Count == 0 ? "none" : Lateness.Describe(lateness))}, orchestrator passes meanwhile {_tasks.Passes - passesBefore}, errors logged {Logs.Errors.Count}"));
        foreach (var error in Logs.Errors.Take(3))
        {
            output.WriteLine($"  error ({error.Category}): {error.Message.Split(Environment.NewLine)[0]}");
        }

        foreach (var second in lateness.GroupBy(l => (int)l.TotalSeconds).OrderBy(g => g.Key))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  +{second.Key} s: {second.Count()} fires"));
        }
    }

    private IReadOnlyList<TargetFire> Burst(DateTimeOffset instant) =>
        [.. TargetFire.From(_target).Where(f => f.Path == "/burst" && f.ScheduledAt == instant)];

    private string Body(string id) => JsonSerializer.Serialize(new
    {
        id,
        schedule = new { cron = "0 * * * * *" },
        target = new { url = _target.UrlFor("/burst").ToString(), method = "POST" },
    });
}
