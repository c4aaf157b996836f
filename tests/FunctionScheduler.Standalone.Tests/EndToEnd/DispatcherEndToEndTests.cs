using System.Net;
using System.Diagnostics.Metrics;
using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Telemetry;
using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using FunctionScheduler.Testing.Timing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>
/// The dispatcher on the real clock, against real Azurite and a real loopback target: what fires, and what the API
/// changes, with nothing faked. Waits are bounded; no assertion is about speed beyond the misfire grace.
/// </summary>
public sealed class DispatcherEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan MisfireGrace = TaskSchedule.DefaultMisfireGrace;

    private readonly string _prefix = AzuriteStorage.NewTablePrefix("e2e");
    private LoopbackTarget _target = null!;
    private StandaloneTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _target = await LoopbackTarget.StartAsync(endpoints =>
        {
            endpoints.MapPost("/a", TargetBehaviors.Status(200, "ok"));
            endpoints.MapPost("/b", TargetBehaviors.Status(200, "ok"));
        });
        _host = await StandaloneTestHost.StartAsync(_prefix);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _target.DisposeAsync();
        await StandaloneTestHost.DeleteTablesAsync(_prefix);
    }

    [Fact]
    public async Task EverySecondTask_RealClock_FiresEachSecondWithinGraceAndRecordsRuns()
    {
        var meters = _host.Services.GetRequiredService<IMeterFactory>();
        using var lateness = new MetricCollector<double>(meters, SchedulerTelemetry.MeterName, SchedulerMetrics.FireLatenessName);
        using var active = new MetricCollector<long>(meters, SchedulerTelemetry.MeterName, SchedulerMetrics.ActiveTasksName);
        (await _host.Client.PostAsync("api/tasks", TaskBodies.Json(TaskBodies.EverySecond("tick", _target.UrlFor("/a"))))).EnsureSuccessStatusCode();

        Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/a").Count >= 4, Bound), "Fewer than 4 fires arrived.");
        var fires = TargetFire.From(_target.RequestsTo("/a"));
        Assert.Equal(fires.Count, fires.Select(f => f.RunId).Distinct().Count());
        Assert.Empty(TargetFire.Holes(fires));
        Assert.All(fires, f => Assert.InRange(f.Lateness, TimeSpan.Zero, MisfireGrace));

        var runs = await ReadRunsAsync("tick");
        Assert.True(runs.Count >= 4, $"Only {runs.Count} runs recorded.");
        Assert.All(runs, run =>
        {
            Assert.Equal(RunStatus.Succeeded, run.Status);
            Assert.Equal(200, run.HttpStatus);
            Assert.InRange(run.StartedAt!.Value - run.FireAt, TimeSpan.Zero, MisfireGrace);
        });

        var latenessMs = lateness.GetMeasurementSnapshot().Select(m => m.Value).ToList();
        Assert.True(latenessMs.Count >= 4, $"Only {latenessMs.Count} lateness measurements.");
        Assert.All(latenessMs, ms => Assert.InRange(ms, 0, MisfireGrace.TotalMilliseconds));
        Assert.Equal(1, active.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task PauseResumeReplaceDelete_RealClock_EachTakesEffectWithoutRestart()
    {
        var client = _host.Client;
        (await client.PostAsync("api/tasks", TaskBodies.Json(TaskBodies.EverySecond("flip", _target.UrlFor("/a"))))).EnsureSuccessStatusCode();
        Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/a").Count >= 2, Bound), "The task never fired.");

        // Pause: nothing scheduled after the pause fires.
        var pausedAt = await CommandAsync("flip", "pause");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.DoesNotContain(TargetFire.From(_target.RequestsTo("/a")), f => f.ScheduledAt > pausedAt);

        // Resume: fires again, with occurrences after the resume only.
        var resumedAt = await CommandAsync("flip", "resume");
        Assert.True(await Eventually.TrueAsync(() => TargetFire.From(_target.RequestsTo("/a")).Any(f => f.ScheduledAt > resumedAt), Bound), "No fire after resume.");
        Assert.DoesNotContain(TargetFire.From(_target.RequestsTo("/a")), f => f.ScheduledAt > pausedAt && f.ScheduledAt <= resumedAt);

        // Replace: the new target gets the fires from now on.
        using var put = await client.PutAsync("api/tasks/flip", TaskBodies.Json(TaskBodies.EverySecond("flip", _target.UrlFor("/b"))));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var replacedAt = (await ReadTaskAsync(put)).State.UpdatedAt;
        Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/b").Count >= 1, Bound), "The replaced target never fired.");
        Assert.DoesNotContain(TargetFire.From(_target.RequestsTo("/a")), f => f.ScheduledAt > replacedAt);

        // Delete: no more fires, and the task is gone.
        using var delete = await client.DeleteAsync("api/tasks/flip");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var deletedAt = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.DoesNotContain(TargetFire.From(_target.RequestsTo("/b")), f => f.ScheduledAt > deletedAt);
        using var get = await client.GetAsync("api/tasks/flip");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task RunNow_DormantTask_FiresOnceAtOnceAsManual()
    {
        (await _host.Client.PostAsync("api/tasks", TaskBodies.Json(TaskBodies.Dormant("later", _target.UrlFor("/a"))))).EnsureSuccessStatusCode();

        using var run = await _host.Client.PostAsync("api/tasks/later/run", null);

        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/a").Count >= 1, Bound), "The run-now never fired.");
        var fire = Assert.Single(_target.RequestsTo("/a"));
        Assert.Equal("manual", fire.Header(Core.Targets.SchedulerHeaders.Kind));
    }

    private async Task<DateTimeOffset> CommandAsync(string id, string verb)
    {
        using var response = await _host.Client.PostAsync($"api/tasks/{id}/{verb}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadTaskAsync(response)).State.UpdatedAt;
    }

    private static async Task<TaskRepresentation> ReadTaskAsync(HttpResponseMessage response) =>
        SchedulerJson.Deserialize<TaskRepresentation>(await response.Content.ReadAsByteArrayAsync())!;

    private async Task<IReadOnlyList<RunRepresentation>> ReadRunsAsync(string id)
    {
        var bytes = await _host.Client.GetByteArrayAsync($"api/tasks/{id}/runs?pageSize=100");
        return SchedulerJson.Deserialize<PageRepresentation<RunRepresentation>>(bytes)!.Items;
    }
}
