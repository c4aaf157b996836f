using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Telemetry;
using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using FunctionScheduler.Testing.Timing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>
/// Hosts coming and going on one storage account, on the real clock: a restart continues the schedule without a
/// duplicate or a hole, two hosts fire each occurrence once, and a stopping host finishes and records what it fired.
/// </summary>
public sealed class InstanceLifecycleTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(8);

    // Another instance's changes arrive by resync; a short interval lets both hosts contend from the start.
    private static readonly Dictionary<string, string?> FastResync = new()
    {
        ["Scheduler:Standalone:Dispatcher:ResyncInterval"] = "00:00:01",
    };

    private readonly string _prefix = AzuriteStorage.NewTablePrefix("life");
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private int _overlaps;
    private LoopbackTarget _target = null!;

    public async Task InitializeAsync() => _target = await LoopbackTarget.StartAsync(endpoints =>
    {
        endpoints.MapPost("/fast", TargetBehaviors.Status(200, "ok"));
        endpoints.MapPost("/slow", SlowAndWatchful);
    });

    public async Task DisposeAsync()
    {
        await _target.DisposeAsync();
        await StandaloneTestHost.DeleteTablesAsync(_prefix);
    }

    [Fact]
    public async Task Restart_SameStorage_ContinuesWithoutDuplicateOrHole()
    {
        await using (var first = await StandaloneTestHost.StartAsync(_prefix))
        {
            (await first.Client.PostAsync("api/tasks", TaskBodies.Json(TaskBodies.EverySecond("steady", _target.UrlFor("/fast"))))).EnsureSuccessStatusCode();
            Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/fast").Count >= 2, Bound), "The first host never fired.");
        }

        var beforeRestart = _target.RequestsTo("/fast").Count;
        await using var second = await StandaloneTestHost.StartAsync(_prefix);
        Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/fast").Count >= beforeRestart + 3, Bound), "The second host never fired.");
        await second.StopAsync();

        var fires = TargetFire.From(_target.RequestsTo("/fast"));
        Assert.Equal(fires.Count, fires.Select(f => f.RunId).Distinct().Count());
        Assert.Empty(TargetFire.Holes(fires));
        var runs = await AllRunsAsync(second, "steady");
        Assert.DoesNotContain(runs, r => r.Status == RunStatus.Missed);
    }

    [Fact]
    public async Task TwoHosts_SameStorage_FireEachOccurrenceExactlyOnce()
    {
        await using var a = await StandaloneTestHost.StartAsync(_prefix, FastResync);
        await using var b = await StandaloneTestHost.StartAsync(_prefix, FastResync);
        using var firedByA = FireCounter(a);
        using var firedByB = FireCounter(b);
        string[] ids = ["shared-1", "shared-2", "shared-3", "shared-4"];
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var host = i % 2 == 0 ? a : b;
            (await host.Client.PostAsync("api/tasks", TaskBodies.Json(TaskBodies.EverySecond(id, _target.UrlFor("/fast"))))).EnsureSuccessStatusCode();
        }

        Assert.True(
            await Eventually.TrueAsync(() => ids.All(id => TargetFire.From(_target.RequestsTo("/fast")).Count(f => f.TaskId == id) >= 5), TimeSpan.FromSeconds(12)),
            "Not every task fired five times.");
        await a.StopAsync();
        await b.StopAsync();

        // Both instances took part: otherwise "exactly once" would say nothing.
        Assert.True(firedByA.GetMeasurementSnapshot().Count > 0, "Host A fired nothing.");
        Assert.True(firedByB.GetMeasurementSnapshot().Count > 0, "Host B fired nothing.");
        var fires = TargetFire.From(_target.RequestsTo("/fast"));
        foreach (var id in ids)
        {
            var own = fires.Where(f => f.TaskId == id).ToList();
            var duplicates = own.GroupBy(f => f.RunId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicates.Count == 0, $"{id}: run ids delivered twice: {string.Join(", ", duplicates)}");
            Assert.Empty(TargetFire.Holes(own));
        }
    }

    [Fact]
    public async Task Stop_FireInProgress_FinishesAndIsRecorded()
    {
        var host = await StandaloneTestHost.StartAsync(_prefix);
        await using (host)
        {
            (await host.Client.PostAsync("api/tasks", TaskBodies.Json(TaskBodies.Dormant("slowpoke", _target.UrlFor("/slow"))))).EnsureSuccessStatusCode();
            (await host.Client.PostAsync("api/tasks/slowpoke/run", null)).EnsureSuccessStatusCode();
            Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/slow").Count == 1, Bound), "The run-now never reached the target.");

            await host.StopAsync();
        }

        await using var reader = await StandaloneTestHost.StartAsync(_prefix);
        var run = Assert.Single(await AllRunsAsync(reader, "slowpoke"));
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(OccurrenceKind.Manual, run.Occurrence.Kind);
        var task = await reader.Services.GetRequiredService<ITaskStore>().GetAsync("slowpoke");
        Assert.Empty(task!.State.InFlight);
    }

    [Fact]
    public async Task SlowTarget_EverySecondTask_NeverFiresOneTaskTwiceAtOnce()
    {
        await using var host = await StandaloneTestHost.StartAsync(_prefix);
        (await host.Client.PostAsync("api/tasks", TaskBodies.Json(TaskBodies.EverySecond("sluggish", _target.UrlFor("/slow"))))).EnsureSuccessStatusCode();

        Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/slow").Count >= 3, Bound), "The slow task fired fewer than 3 times.");
        await host.StopAsync();

        Assert.Equal(0, _overlaps);
        var fires = TargetFire.From(_target.RequestsTo("/slow"));
        Assert.Equal(fires.Count, fires.Select(f => f.RunId).Distinct().Count());
    }

    // Takes longer than the schedule's period, and counts any second concurrent call for the same task.
    private async Task SlowAndWatchful(HttpContext context)
    {
        var taskId = context.Request.Headers[Core.Targets.SchedulerHeaders.TaskId].ToString();
        if (_inFlight.AddOrUpdate(taskId, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), context.RequestAborted);
            context.Response.StatusCode = 200;
        }
        finally
        {
            _inFlight.AddOrUpdate(taskId, 0, (_, n) => n - 1);
        }
    }

    // The executor records one lateness measurement per fire it makes, on its host's own meter.
    private static MetricCollector<double> FireCounter(StandaloneTestHost host) =>
        new(host.Services.GetRequiredService<IMeterFactory>(), SchedulerTelemetry.MeterName, SchedulerMetrics.FireLatenessName);

    private static async Task<IReadOnlyList<RunRecord>> AllRunsAsync(StandaloneTestHost host, string id)
    {
        var log = host.Services.GetRequiredService<IRunLog>();
        var page = await log.ListAsync(id, 1000, null);
        return page.Items;
    }
}
