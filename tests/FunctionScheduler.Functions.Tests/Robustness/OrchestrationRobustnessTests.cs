using FunctionScheduler.Core.Model;
using FunctionScheduler.Functions.Orchestration;
using FunctionScheduler.Functions.Tests.Fakes;
using FunctionScheduler.Testing.Conformance;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Functions.Tests.Robustness;

/// <summary>
/// The failures Durable is known to have around eternal orchestrations, each injected into the fake runtime: the
/// index stays the truth and the scheduler recovers through the next wake or the reconcile.
/// </summary>
public class OrchestrationRobustnessTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-02T10:00:20Z", System.Globalization.CultureInfo.InvariantCulture);
    private const string EveryMinute = """{ "id": "beat", "cron": "* * * * *", "url": "https://target.example/hook" }""";
    private const string Hourly = """{ "id": "beat", "schedule": { "interval": "PT1H" }, "target": { "url": "https://target.example/hook" } }""";
    private const string InstanceId = "task:beat";

    [Fact]
    public async Task LostPauseEvent_NextWakeSeesThePause_NothingFiresAndTheInstanceWaitsForAChange()
    {
        await using var app = NewApp(out var target);
        await CreateAsync(app, EveryMinute);
        await app.Durable.AdvanceToAsync(At("10:01:30"));
        Assert.Single(target.Fires);

        app.Durable.DropEvents = true;
        Assert.Equal(200, (int)(await app.SendAsync("POST", "/api/tasks/beat/pause")).StatusCode);
        await app.Durable.AdvanceToAsync(At("10:05:30"));

        Assert.Equal(1, app.Durable.DroppedEvents);
        Assert.Single(target.Fires);
        Assert.Equal(OrchestrationRuntimeStatus.Running, app.Durable.Find(InstanceId)!.Status);
        Assert.Null(app.Durable.Find(InstanceId)!.EarliestTimer);
    }

    [Fact]
    public async Task LostRunNowEvent_ReconcileWakesTheInstance_RunFiresOnce()
    {
        await using var app = NewApp(out var target);
        await CreateAsync(app, Hourly);
        app.Durable.DropEvents = true;
        Assert.Equal(202, (int)(await app.SendAsync("POST", "/api/tasks/beat/run")).StatusCode);
        app.Durable.DropEvents = false;
        await app.Durable.AdvanceToAsync(At("10:03:20"));
        Assert.Empty(target.Fires);

        await app.RunReconcileAsync();
        await app.Durable.RunUntilIdleAsync();

        var fire = Assert.Single(target.Fires);
        Assert.Equal((OccurrenceKind.Manual, Start, At("10:03:20")), (fire.Occurrence.Kind, fire.Occurrence.ScheduledAt, fire.DeliveredAt));
        Assert.Empty((await app.Store.GetAsync("beat"))!.State.RunRequests);
    }

    [Fact]
    public async Task DuplicateStart_TwoExecutionsOfOneInstance_EachOccurrenceFiresOnce()
    {
        await using var app = NewApp(out var target);
        await CreateAsync(app, EveryMinute);
        app.Durable.StartDuplicateExecution(InstanceId);

        await app.Durable.AdvanceToAsync(At("10:10:30"));

        Assert.Equal(2, app.Durable.Instances.Count(i => i.InstanceId == InstanceId && i.IsActive));
        var scheduled = target.Fires.Select(f => f.Occurrence.ScheduledAt).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(m => At($"10:{m:00}:00")), scheduled.Order());
        Assert.Equal(10, (await app.AllRunsAsync("beat")).Count);
    }

    [Theory]
    [InlineData("vanished")]
    [InlineData("terminated")]
    public async Task MissingInstance_TaskStillActive_ReconcileStartsItAgain(string how)
    {
        await using var app = NewApp(out var target);
        await CreateAsync(app, EveryMinute);
        await app.Durable.AdvanceToAsync(At("10:01:30"));
        if (how == "vanished")
        {
            app.Durable.Vanish(InstanceId);
        }
        else
        {
            await app.Durable.TerminateInstanceAsync(InstanceId);
            await app.Durable.RunUntilIdleAsync();
        }

        await app.Durable.AdvanceToAsync(At("10:01:50"));
        await app.RunReconcileAsync();
        await app.Durable.AdvanceToAsync(At("10:02:30"));

        Assert.Equal(OrchestrationRuntimeStatus.Running, app.Durable.Find(InstanceId)!.Status);
        Assert.Equal([At("10:01:00"), At("10:02:00")], target.Fires.Select(f => f.Occurrence.ScheduledAt));
    }

    [Fact]
    public async Task OrphanInstance_TaskDeletedBehindItsBack_ReconcileTerminatesThenPurgesIt()
    {
        await using var app = NewApp(out _);
        await CreateAsync(app, Hourly);
        Assert.True(await app.Store.DeleteAsync("beat"));

        await app.RunReconcileAsync();
        await app.Durable.RunUntilIdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, app.Durable.Find(InstanceId)!.Status);

        await app.RunReconcileAsync();
        Assert.Null(app.Durable.Find(InstanceId));
    }

    [Fact]
    public async Task DeleteThroughApi_TerminatesTheInstance_ReconcilePurgesItOnceEnded()
    {
        await using var app = NewApp(out _);
        await CreateAsync(app, Hourly);

        Assert.Equal(204, (int)(await app.SendAsync("DELETE", "/api/tasks/beat")).StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, app.Durable.Find(InstanceId)!.Status);

        await app.RunReconcileAsync();
        Assert.Null(app.Durable.Find(InstanceId));
    }

    [Fact]
    public async Task RetiredOrchestrator_InstanceOfAnOldName_ReconcileReplacesIt()
    {
        await using var app = NewApp(out var target);
        await CreateAsync(app, EveryMinute);
        await app.Durable.TerminateInstanceAsync(InstanceId);
        await app.Durable.RunUntilIdleAsync();
        await app.Durable.PurgeInstanceAsync(InstanceId);
        app.Durable.RegisterOrchestrator("TaskOrchestratorV0", context => context.WaitForExternalEvent<string>("never"));
        await app.Durable.ScheduleNewOrchestrationInstanceAsync("TaskOrchestratorV0", new TaskOrchestrationInput("default", "beat"), new StartOrchestrationOptions(InstanceId));
        await app.Durable.RunUntilIdleAsync();

        await app.RunReconcileAsync();
        await app.Durable.RunUntilIdleAsync();
        await app.RunReconcileAsync();
        await app.Durable.AdvanceToAsync(At("10:01:30"));

        Assert.Equal(TaskOrchestrator.Name, app.Durable.Find(InstanceId)!.Name.Name);
        Assert.Equal([At("10:01:00")], target.Fires.Select(f => f.Occurrence.ScheduledAt));
    }

    [Fact]
    public async Task Reconcile_OneTaskCannotBeRepaired_RepairsTheOthersThenFails()
    {
        await using var app = NewApp(out _);
        await CreateAsync(app, EveryMinute.Replace("beat", "a", StringComparison.Ordinal));
        await CreateAsync(app, EveryMinute.Replace("beat", "b", StringComparison.Ordinal));
        app.Durable.Vanish("task:a");
        app.Durable.Vanish("task:b");
        app.Durable.RefuseStart = instanceId => instanceId == "task:a";

        var failure = await Assert.ThrowsAsync<AggregateException>(app.RunReconcileAsync);

        Assert.IsType<InvalidOperationException>(Assert.Single(failure.InnerExceptions));
        Assert.Null(app.Durable.Find("task:a"));
        Assert.True(app.Durable.Find("task:b")?.IsActive);
    }

    [Fact]
    public async Task Reconcile_EverythingInOrder_ChangesNothing()
    {
        await using var app = NewApp(out _);
        await CreateAsync(app, EveryMinute);
        await app.Durable.AdvanceToAsync(At("10:03:30"));
        var starts = app.Durable.Starts;
        var events = app.Durable.RaisedEvents;

        await app.RunReconcileAsync();

        Assert.Equal((starts, events), (app.Durable.Starts, app.Durable.RaisedEvents));
    }

    private static TestApp NewApp(out ScriptedTarget target)
    {
        var clock = new FakeTimeProvider(Start);
        target = new ScriptedTarget(clock);
        return new TestApp(clock, target);
    }

    private static async Task CreateAsync(TestApp app, string body) =>
        Assert.Equal(201, (int)(await app.SendAsync("POST", "/api/tasks", body)).StatusCode);

    private static DateTimeOffset At(string time) =>
        DateTimeOffset.Parse($"2026-03-02T{time}Z", System.Globalization.CultureInfo.InvariantCulture);
}
