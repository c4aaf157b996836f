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

    internal override async Task<IOrchestrationService> NewBackendAsync(ILoggerFactory loggers) =>
        _last = await EngineBackends.AzureStorageAsync(_taskHub, loggers);

    internal override Task CleanUpBackendAsync() => _last?.DeleteAsync() ?? Task.CompletedTask;
}
