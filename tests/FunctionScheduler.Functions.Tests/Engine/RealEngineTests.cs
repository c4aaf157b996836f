using System.Text.Json;
using DurableTask.Core;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Functions.Orchestration;
using FunctionScheduler.Functions.Tests.Fakes;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using FunctionScheduler.Testing.Timing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FunctionScheduler.Functions.Tests.Engine;

/// <summary>
/// The app's orchestrator, activities, HTTP functions and change notifier on the real Durable Task engine and the
/// real clock, against a real loopback target: one derived class per backend. Every fire is checked against its
/// instant (never early), every occurrence once (a duplicate only with the same run id), and the orchestrator's
/// passes per fire and each fire's lateness are measured and written to the test output.
/// </summary>
public abstract class RealEngineTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private const string SigningSecret = "a test signing secret of more than 32 bytes";

    private readonly string _tablePrefix = AzuriteStorage.NewTablePrefix("engine");
    private readonly FunctionTasks _tasks = new();
    private ILoggerFactory _loggers = null!;

    internal LoopbackTarget Target { get; private set; } = null!;

    internal DurableEngine Engine { get; set; } = null!;

    internal FunctionTasks Tasks => _tasks;

    internal LogCounter Logs { get; } = new();

    /// <summary>The most orchestrator passes a fire may take on this backend.</summary>
    protected abstract double MaxPassesPerFire { get; }

    /// <summary>A fresh orchestration service (task hub) for this backend.</summary>
    internal abstract Task<IOrchestrationService> NewBackendAsync(ILoggerFactory loggers);

    /// <summary>Removes what the backend left behind.</summary>
    internal abstract Task CleanUpBackendAsync();

    public async Task InitializeAsync()
    {
        _loggers = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Warning));
        Target = await LoopbackTarget.StartAsync(endpoints =>
        {
            endpoints.MapPost("/a", TargetBehaviors.Status(200, "a"));
            endpoints.MapPost("/b", TargetBehaviors.Status(200, "b"));
            endpoints.MapPost("/alerts", TargetBehaviors.Status(202));
            endpoints.MapPost("/slow", async context =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
                context.Response.StatusCode = 200;
            });
        });
        Engine = await StartEngineAsync();
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Target.DisposeAsync();
        await CleanUpBackendAsync();
        await DurableEngine.DeleteTablesAsync(_tablePrefix);
        _loggers.Dispose();
    }

    [Fact]
    public async Task EverySecond_FiresEachOccurrenceOnceNeverEarlyWithBoundedPasses_ThenDeleteStopsItAndPurgesItsHistory()
    {
        await SendAsync("POST", "/api/tasks", TaskBody("beat", "* * * * * *", "/a"), 201);
        Assert.True(await Eventually.TrueAsync(() => Fires("/a").Select(f => f.ScheduledAt).Distinct().Count() >= 10, Bound), "The task did not fire ten times.");
        var passes = _tasks.PassesOf(TaskInstance.IdFor("beat"));

        var answeredAt = await SendAsync("DELETE", "/api/tasks/beat", null, 204);

        var fires = Fires("/a");
        AssertEachOccurrenceOnceNeverEarly(fires);
        var lateness = fires.Select(f => f.Lateness).ToList();
        var perFire = (double)passes / fires.Select(f => f.ScheduledAt).Distinct().Count();
        output.WriteLine($"{GetType().Name}: {fires.Count} fires, {passes} orchestrator passes ({perFire:F2} per fire), lateness {Lateness.Describe(lateness)}");
        Assert.True(perFire <= MaxPassesPerFire, $"{perFire:F2} orchestrator passes per fire; at most {MaxPassesPerFire} allowed.");

        // Nothing starts after the answer: a request may still arrive only for an occurrence due before it.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.All(Fires("/a").Where(f => f.ReceivedAt > answeredAt), f => Assert.True(f.ScheduledAt <= answeredAt, $"{f.ScheduledAt:O} fired after the delete answered at {answeredAt:O}."));
        // The delete terminated the instance; once it has ended, the reconcile (every 5 minutes in production) purges it.
        Assert.True(
            await Eventually.TrueAsync(async () => !TaskInstance.IsActive(await Engine.Client.GetInstanceAsync(TaskInstance.IdFor("beat"))), Bound),
            "The deleted task's orchestration did not end.");
        await Engine.Host.RunTimerAsync("Reconcile", Engine.Client);
        Assert.Null(await Engine.Client.GetInstanceAsync(TaskInstance.IdFor("beat")));
        AssertNoErrors();
    }

    [Fact]
    public async Task PauseResumeRunNowReplace_EachTakesEffectOnTheRealEngine()
    {
        await SendAsync("POST", "/api/tasks", TaskBody("life", "* * * * * *", "/a"), 201);
        Assert.True(await Eventually.TrueAsync(() => Fires("/a").Count >= 2, Bound), "The task did not fire.");

        // Pause: no occurrence due after the answer fires.
        var pausedAt = await SendAsync("POST", "/api/tasks/life/pause", null, 200);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(Fires("/a"), f => f.ScheduledAt > pausedAt);

        // Resume: it fires again, and the paused period is not replayed.
        var resumedAt = await SendAsync("POST", "/api/tasks/life/resume", null, 200);
        Assert.True(await Eventually.TrueAsync(() => Fires("/a").Any(f => f.ScheduledAt >= resumedAt), Bound), "The resumed task did not fire.");
        Assert.DoesNotContain(Fires("/a"), f => f.ScheduledAt > pausedAt && f.ScheduledAt < resumedAt.AddSeconds(-1));

        // Run now, right after a pause: one manual fire.
        await SendAsync("POST", "/api/tasks/life/pause", null, 200);
        await SendAsync("POST", "/api/tasks/life/run", null, 202);
        Assert.True(await Eventually.TrueAsync(() => Fires("/a").Any(f => f.Kind == "manual"), Bound), "Run-now did not fire.");

        // Replace with another target and resume: fires go to the new target only.
        var replacedAt = await SendAsync("PUT", "/api/tasks/life", TaskBody("life", "* * * * * *", "/b"), 200);
        await SendAsync("POST", "/api/tasks/life/resume", null, 200);
        Assert.True(await Eventually.TrueAsync(() => Fires("/b").Count >= 2, Bound), "The replaced task did not fire at its new target.");
        Assert.DoesNotContain(Fires("/a"), f => f.ReceivedAt > replacedAt);

        AssertEachOccurrenceOnceNeverEarly([.. Fires("/a").Concat(Fires("/b")).Where(f => f.Kind == "scheduled")], contiguous: false);
        AssertNoErrors();
    }

    [Fact]
    public async Task SuspendedOrchestration_ReconcileMarksItsTaskOverdueAndNotifiesOnce_ThenResumedItFiresAndTheMarkClears()
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(8);
        var instanceId = TaskInstance.IdFor("stuck");
        await SendAsync("POST", "/api/tasks", JsonSerializer.Serialize(new
        {
            id = "stuck",
            schedule = new { at = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) },
            target = new { url = Target.UrlFor("/a").ToString() },
            overdueTolerance = "PT1S",
            failureAction = new { url = Target.UrlFor("/alerts").ToString() },
        }), 201);
        var scheduledAt = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, at.Second, TimeSpan.Zero);

        // An orchestration that will not move: its timer fires into a suspended instance.
        await Engine.Client.SuspendInstanceAsync(instanceId, "test: a stuck orchestration");
        Assert.True(
            await Eventually.TrueAsync(async () => (await Engine.Client.GetInstanceAsync(instanceId))?.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Suspended, Bound),
            "The orchestration was not suspended.");
        await Task.Delay(scheduledAt.AddSeconds(2) - DateTimeOffset.UtcNow);

        // The reconcile timer notices, however often it runs, and notifies once.
        for (var i = 0; i < 3; i++)
        {
            await Engine.Host.RunTimerAsync("Reconcile", Engine.Client);
        }

        Assert.Empty(Fires("/a"));
        var health = JsonDocument.Parse((await Engine.Host.SendAsync("GET", "/api/tasks/stuck", Engine.Client)).BodyText).RootElement.GetProperty("state").GetProperty("health");
        Assert.Equal(scheduledAt.AddSeconds(1), health.GetProperty("overdueSince").GetDateTimeOffset());
        var alert = Assert.Single(Target.RequestsTo("/alerts"));
        Assert.Equal("overdue", alert.Header(Core.Targets.SchedulerHeaders.Event));
        Assert.Equal(
            SignatureCheck.Valid,
            new SignatureVerifier(SigningSecret).Verify(alert.Header(Core.Targets.SchedulerHeaders.Signature), alert.Header(Core.Targets.SchedulerHeaders.RunId), alert.Body));
        Assert.Equal(scheduledAt, SchedulerJson.Deserialize<FailureNotification>(alert.Body)!.Overdue!.ScheduledAt);

        // Resumed, it fires the occurrence it owes, and the record clears the mark.
        await Engine.Client.ResumeInstanceAsync(instanceId, "test: unstuck");
        Assert.True(await Eventually.TrueAsync(() => Fires("/a").Count == 1, Bound), "The resumed orchestration did not fire.");
        Assert.True(
            await Eventually.TrueAsync(async () => !JsonDocument.Parse((await Engine.Host.SendAsync("GET", "/api/tasks/stuck", Engine.Client)).BodyText).RootElement
                .GetProperty("state").GetProperty("health").TryGetProperty("overdueSince", out _), Bound),
            "The overdue mark did not clear.");
        await Engine.Host.RunTimerAsync("Reconcile", Engine.Client);
        Assert.Single(Target.RequestsTo("/alerts"));
        AssertNoErrors();
    }

    internal async Task<DurableEngine> StartEngineAsync() =>
        await DurableEngine.StartAsync(await NewBackendAsync(_loggers), _tasks, DurableEngine.Settings(_tablePrefix), Logs);

    /// <summary>Sends a request through the app's HTTP functions with the engine's client; returns when it was answered.</summary>
    internal async Task<DateTimeOffset> SendAsync(string method, string path, string? body, int expected)
    {
        var response = await Engine.Host.SendAsync(method, path, Engine.Client, body);
        Assert.True(expected == (int)response.StatusCode, $"{method} {path} answered {(int)response.StatusCode}: {response.BodyText}");
        return DateTimeOffset.UtcNow;
    }

    /// <summary>The task's backfill status as the API reports it ("none" without one).</summary>
    internal async Task<string> BackfillStatusAsync(string id)
    {
        var response = await Engine.Host.SendAsync("GET", $"/api/tasks/{id}/backfill", Engine.Client, null);
        if ((int)response.StatusCode != 200)
        {
            return "none";
        }

        using var backfill = JsonDocument.Parse(response.BodyText);
        return backfill.RootElement.GetProperty("status").GetString()!;
    }

    internal void AssertNoErrors() =>
        Assert.True(Logs.Errors.Count == 0, $"{Logs.Errors.Count} errors logged, the first: {string.Join(Environment.NewLine, Logs.Errors.Take(3))}");

    internal IReadOnlyList<TargetFire> Fires(string path) => [.. TargetFire.From(Target).Where(f => f.Path == path)];

    /// <summary>No fire before its instant, and an occurrence fired twice only with one run id (a retry the receiver drops).</summary>
    internal static void AssertEachOccurrenceOnceNeverEarly(IReadOnlyList<TargetFire> fires, bool contiguous = true, int everySeconds = 1)
    {
        Assert.All(fires, f => Assert.True(f.ReceivedAt >= f.ScheduledAt, $"The occurrence of {f.ScheduledAt:O} arrived early, at {f.ReceivedAt:O}."));
        Assert.All(fires.GroupBy(f => f.ScheduledAt), g => Assert.Single(g.Select(f => f.RunId).Distinct()));
        var instants = fires.Select(f => f.ScheduledAt).Distinct().Order().ToList();
        for (var i = 1; contiguous && i < instants.Count; i++)
        {
            Assert.True(instants[i] - instants[i - 1] == TimeSpan.FromSeconds(everySeconds), $"No fire for the occurrences between {instants[i - 1]:O} and {instants[i]:O}.");
        }
    }

    internal string TaskBody(string id, string cron, string path) => JsonSerializer.Serialize(new
    {
        id,
        schedule = new { cron, misfire = new { policy = "catchUp", grace = "PT2M", catchUpLimit = 100 } },
        target = new { url = Target.UrlFor(path).ToString(), method = "POST" },
    });
}
