using System.Text;
using FunctionScheduler.Core.Health;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Notifications;
using FunctionScheduler.Core.Telemetry;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Health;

/// <summary>The overdue check's writes over real Azurite, beside the other writers of a task's row.</summary>
public sealed class OverdueMonitorTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 2, 10, 0, 30, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterDeadline = new(2026, 3, 2, 11, 6, 0, TimeSpan.Zero);

    private const string Hourly = """
        {"id":"hourly","schedule":{"cron":"0 * * * *"},"target":{"url":"https://target.example/hourly"},
         "overdueTolerance":"PT5M","failureAction":{"url":"https://alerts.example/hook"}}
        """;

    [Fact]
    public async Task CheckAsync_TwoChecksOfOneVersionAtOnce_MarkItOnceAndNotifyOnce()
    {
        var clock = new FakeTimeProvider(Created);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        var read = await CreateAsync(core, Hourly);
        clock.SetUtcNow(AfterDeadline);
        using var overdue = new MetricCollector<long>(core.MeterFactory, SchedulerTelemetry.MeterName, SchedulerMetrics.OverdueName);

        await Task.WhenAll(core.Monitor.CheckAsync(read), core.Monitor.CheckAsync(read));
        await core.Monitor.CheckAsync((await core.Store.GetAsync("hourly"))!);

        var notification = Assert.Single(target.Notifications);
        Assert.Equal(NotificationEvent.Overdue, notification.Event);
        Assert.Equal("hourly:2516298515999999999s-g1:overdue", notification.Id);
        Assert.Single(overdue.GetMeasurementSnapshot());
        var mark = (await core.Store.GetAsync("hourly"))!.State.Overdue;
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 5, 0, TimeSpan.Zero), mark?.Since);
        Assert.Equal(NotificationStatus.Succeeded, mark?.Notification?.Status);
        Assert.Null(mark?.NotifyingUntil);
    }

    [Fact]
    public async Task CheckAsync_StaleReadAfterARunNowWasStored_MarksFromAFreshReadAndKeepsTheRequest()
    {
        var clock = new FakeTimeProvider(Created);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        var stale = await CreateAsync(core, Hourly);
        clock.SetUtcNow(AfterDeadline);
        Assert.Equal(202, (await core.Api.RunNowAsync("hourly")).StatusCode);

        var after = await core.Monitor.CheckAsync(stale);

        Assert.NotNull(after?.State.Overdue);
        Assert.Single(after!.State.RunRequests);
        Assert.Equal(after.Version, (await core.Store.GetAsync("hourly"))!.Version);
    }

    [Fact]
    public async Task CheckAsync_PendingNotificationWhoseSenderStopped_SendsItWithTheSameIdOnceItsHoldLapses()
    {
        var clock = new FakeTimeProvider(Created);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        var read = await CreateAsync(core, Hourly);
        clock.SetUtcNow(AfterDeadline);

        // A checker stored the mark, then stopped before sending.
        var marked = OverdueCheck.Decide(read.Definition, read.State, AfterDeadline);
        var stored = await core.Store.UpdateStateAsync(read, marked);
        var whileHeld = await core.Monitor.CheckAsync(stored);
        Assert.Equal(stored.Version, whileHeld?.Version);
        Assert.Empty(target.Notifications);

        clock.SetUtcNow(marked.Overdue!.NotifyingUntil!.Value);
        await core.Monitor.CheckAsync((await core.Store.GetAsync("hourly"))!);

        var notification = Assert.Single(target.Notifications);
        Assert.Equal(marked.Overdue.Notification!.Id, notification.Id);
        Assert.Equal(NotificationStatus.Succeeded, (await core.Store.GetAsync("hourly"))!.State.Overdue?.Notification?.Status);
    }

    [Fact]
    public async Task CheckAsync_PageWithADeletedTask_LeavesItOutAndChecksTheRest()
    {
        var clock = new FakeTimeProvider(Created);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        var first = await CreateAsync(core, Hourly);
        var second = await CreateAsync(core, Hourly.Replace("\"hourly\"", "\"hourly-2\"", StringComparison.Ordinal));
        Assert.Equal(204, (await core.Api.DeleteAsync("hourly")).StatusCode);
        clock.SetUtcNow(AfterDeadline);

        var checkedTasks = await core.Monitor.CheckAsync([first, second]);

        var only = Assert.Single(checkedTasks);
        Assert.Equal("hourly-2", only.Id);
        Assert.NotNull(only.State.Overdue);
        Assert.Equal("hourly-2:2516298515999999999s-g1:" + NotificationIds.EventName(NotificationEvent.Overdue), Assert.Single(target.Notifications).Id);
    }

    [Fact]
    public async Task PauseThroughTheApi_OverdueTask_ClearsTheMarkWithTheSameWrite()
    {
        var clock = new FakeTimeProvider(Created);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        await CreateAsync(core, Hourly);
        clock.SetUtcNow(AfterDeadline);
        await core.Monitor.CheckAsync((await core.Store.GetAsync("hourly"))!);
        Assert.NotNull((await core.Store.GetAsync("hourly"))!.State.Overdue);

        Assert.Equal(200, (await core.Api.PauseAsync("hourly")).StatusCode);

        Assert.Null((await core.Store.GetAsync("hourly"))!.State.Overdue);
    }

    private static async Task<StoredTask> CreateAsync(CoreServices core, string json)
    {
        var response = await core.Api.CreateAsync(Encoding.UTF8.GetBytes(json));
        Assert.Equal(201, response.StatusCode);
        return (await core.Store.GetAsync(System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!))!;
    }
}
