using System.Globalization;
using DurableTask.AzureStorage;
using DurableTask.Core;
using FunctionScheduler.Functions.Orchestration;
using FunctionScheduler.Testing.Timing;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FunctionScheduler.Functions.Tests.Engine;

/// <summary>
/// The real-engine scenarios on the Azure Storage backend (AzureStorageOrchestrationService over Azurite's queues,
/// tables and blobs) behind the test host's gRPC sidecar, plus a worker lost mid-run and replaced.
/// </summary>
public sealed class AzureStorageEngineTests(ITestOutputHelper output) : RealEngineTests(output)
{
    private readonly ITestOutputHelper _output = output;
    private readonly string _taskHub = EngineBackends.NewTaskHub();
    private AzureStorageOrchestrationService? _last;

    // Queue visibility delays are whole seconds, so a sub-second timer wakes at once: without the claim waiting for
    // the timer's instant, an every-second task took 6 to 14 passes per fire here.
    protected override double MaxPassesPerFire => 2;

    [Fact]
    public async Task WorkerLostMidRun_NewWorkerTakesOver_EveryOccurrenceFiresAndDuplicatesCarryOneRunId()
    {
        await SendAsync("POST", "/api/tasks", TaskBody("crash", "*/2 * * * * *", "/slow"), 201);
        Assert.True(await Eventually.TrueAsync(() => Fires("/slow").Count >= 3, TimeSpan.FromSeconds(30)), "The task did not fire.");

        // Lose the worker while a fire is in progress: the slow target holds each request for a second.
        var inFlight = Fires("/slow").Count + 1;
        Assert.True(await Eventually.TrueAsync(() => Fires("/slow").Count >= inFlight, TimeSpan.FromSeconds(30)), "No fire started.");
        var lostAt = DateTimeOffset.UtcNow;
        await Engine.DisposeAsync();

        var errorsOfTheLostWorker = Logs.Errors.Count;
        Engine = await StartEngineAsync();
        Assert.True(
            await Eventually.TrueAsync(() => Fires("/slow").Any(f => f.ScheduledAt > lostAt + EngineBackends.LostMessageTimeout + TimeSpan.FromSeconds(4)), TimeSpan.FromSeconds(90)),
            "The new worker did not take over.");
        await SendAsync("DELETE", "/api/tasks/crash", null, 204);

        var fires = Fires("/slow");
        var duplicates = fires.Count - fires.Select(f => f.ScheduledAt).Distinct().Count();
        _output.WriteLine($"Worker lost at {lostAt:O}: {fires.Count} requests for {fires.Count - duplicates} occurrences ({duplicates} repeated with their run id), passes {Tasks.PassesOf(TaskInstance.IdFor("crash"))}, lateness {Lateness.Describe([.. fires.Select(f => f.Lateness)])}");
        AssertEachOccurrenceOnceNeverEarly(fires, everySeconds: 2);
        Assert.Empty(Logs.Errors.Skip(errorsOfTheLostWorker));
    }

    [Fact]
    public async Task WorkerLostMidBackfill_NewWorkerContinuesWhereItStopped_EachOccurrenceOnceOldestFirst()
    {
        // A paused task (its schedule fires nothing meanwhile) backfilled over eight past minutes, at a target that
        // holds each request for a second.
        await SendAsync("POST", "/api/tasks", TaskBody("late", "* * * * *", "/slow"), 201);
        await SendAsync("POST", "/api/tasks/late/pause", null, 200);
        var from = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(-10);
        var expected = Enumerable.Range(0, 8).Select(i => from.AddMinutes(i)).ToList();
        var window = "{\"from\":\"" + from.ToString("O", CultureInfo.InvariantCulture) + "\",\"to\":\"" + expected[^1].ToString("O", CultureInfo.InvariantCulture) + "\"}";
        await SendAsync("POST", "/api/tasks/late/backfill", window, 202);

        // Lose the worker while the third occurrence is being delivered.
        Assert.True(await Eventually.TrueAsync(() => Fires("/slow").Count >= 3, TimeSpan.FromSeconds(60)), "The backfill did not start.");
        await Engine.DisposeAsync();
        var firedBeforeLoss = Fires("/slow").Select(f => f.ScheduledAt).Distinct().Count();

        var errorsOfTheLostWorker = Logs.Errors.Count;
        Engine = await StartEngineAsync();
        Assert.True(
            await Eventually.TrueAsync(() => Fires("/slow").Select(f => f.ScheduledAt).Distinct().Count() == expected.Count, TimeSpan.FromSeconds(120)),
            "The new worker did not finish the backfill.");
        Assert.True(await Eventually.TrueAsync(async () => await BackfillStatusAsync("late") == "completed", TimeSpan.FromSeconds(60)), "The backfill did not complete.");

        var fires = Fires("/slow");
        var firstDeliveries = fires.GroupBy(f => f.ScheduledAt).Select(g => (ScheduledAt: g.Key, At: g.Min(f => f.ReceivedAt))).OrderBy(d => d.At).ToList();
        _output.WriteLine($"Worker lost after {firedBeforeLoss} of {expected.Count} occurrences: {fires.Count} requests, {fires.Count - expected.Count} repeated with their run id");
        Assert.Equal(expected, firstDeliveries.Select(d => d.ScheduledAt));
        Assert.All(fires, f => Assert.Equal("backfill", f.Kind));
        Assert.All(fires.GroupBy(f => f.ScheduledAt), g => Assert.Single(g.Select(f => f.RunId).Distinct()));
        Assert.True(firedBeforeLoss < expected.Count, "The worker was lost after the backfill had finished: the test proved nothing.");
        Assert.Empty(Logs.Errors.Skip(errorsOfTheLostWorker));
        await SendAsync("DELETE", "/api/tasks/late", null, 204);
    }

    internal override async Task<IOrchestrationService> NewBackendAsync(ILoggerFactory loggers) =>
        _last = await EngineBackends.AzureStorageAsync(_taskHub, loggers);

    internal override Task CleanUpBackendAsync() => _last?.DeleteAsync() ?? Task.CompletedTask;
}
