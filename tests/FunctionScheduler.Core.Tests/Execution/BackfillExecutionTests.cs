using System.Text;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Tests.Storage;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Execution;

/// <summary>
/// Backfills through the executor over real Table Storage: the run log decides what is already recorded, the state
/// carries the backfill across claimants, and each occurrence costs the documented requests.
/// </summary>
public sealed class BackfillExecutionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 20, TimeSpan.Zero);
    private static readonly ClaimRequest ClaimA = new("instance-a", TimeSpan.FromMinutes(2));
    private static readonly ClaimRequest ClaimB = new("instance-b", TimeSpan.FromMinutes(2));

    private const string Hourly = """{"id":"hourly","schedule":{"cron":"0 * * * *"},"target":{"url":"https://target.example/hook"}}""";

    [Fact]
    public async Task RunDueAsync_Backfill_FiresEachOccurrenceOldestFirstWithItsOriginalInstantAndRunId()
    {
        var clock = new FakeTimeProvider(T0);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        await CreateAsync(core, Hourly);
        await StartAsync(core, "hourly", """{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T09:00:00Z"}""");

        var final = await RunUntilDoneAsync(core, "hourly", ClaimA);

        Assert.Equal(
            ["2026-03-02T06:00:00Z", "2026-03-02T07:00:00Z", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"],
            target.Fires.Select(f => Iso(f.Occurrence.ScheduledAt)));
        Assert.All(target.Fires, f => Assert.Equal(OccurrenceKind.Backfill, f.Occurrence.Kind));
        Assert.All(target.Fires, f => Assert.Equal(RunId.For("hourly", f.Occurrence, 1), f.RunId));
        Assert.All(target.Fires, f => Assert.EndsWith("b-g1", f.RunId, StringComparison.Ordinal));
        Assert.Equal((BackfillStatus.Completed, 4, 0), (final.State.Backfill!.Status, final.State.Backfill.Fired, final.State.Backfill.Skipped));
        var runs = (await core.Runs.ListAsync("hourly", 100, null)).Items;
        Assert.Equal(4, runs.Count(r => r.Occurrence.Kind == OccurrenceKind.Backfill && r.Status == RunStatus.Succeeded));
    }

    [Fact]
    public async Task RunDueAsync_BackfillRepeated_FiresNothingAgain()
    {
        var clock = new FakeTimeProvider(T0);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        await CreateAsync(core, Hourly);
        const string Window = """{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T09:00:00Z"}""";
        await StartAsync(core, "hourly", Window);
        await RunUntilDoneAsync(core, "hourly", ClaimA);

        await StartAsync(core, "hourly", Window);
        var final = await RunUntilDoneAsync(core, "hourly", ClaimB);

        Assert.Equal(4, target.Fires.Count);
        Assert.Equal((BackfillStatus.Completed, 0, 4), (final.State.Backfill!.Status, final.State.Backfill.Fired, final.State.Backfill.Skipped));
    }

    [Fact]
    public async Task RunDueAsync_OccurrencesTheScheduleRecorded_ArePassedOverWhateverTheirGeneration()
    {
        var clock = new FakeTimeProvider(T0);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        await CreateAsync(core, Hourly);
        var scheduled = Occurrence.Scheduled(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        await core.Runs.RecordAsync(Run("hourly", scheduled, generation: 3, RunStatus.Succeeded));
        var missed = Occurrence.Scheduled(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await core.Runs.RecordAsync(Run("hourly", missed, generation: 1, RunStatus.Missed));
        var manual = Occurrence.Manual(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await core.Runs.RecordAsync(Run("hourly", manual, generation: 1, RunStatus.Succeeded));
        await StartAsync(core, "hourly", """{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T09:00:00Z"}""");

        var final = await RunUntilDoneAsync(core, "hourly", ClaimA);

        // 07:00 ran (in another generation); a missed record and a run-now at 09:00 do not count as fired.
        Assert.Equal(["2026-03-02T06:00:00Z", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"], target.Fires.Select(f => Iso(f.Occurrence.ScheduledAt)));
        Assert.Equal((3, 1), (final.State.Backfill!.Fired, final.State.Backfill.Skipped));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task RunDueAsync_FailedRun_FiresAgainOnlyWithRetryFailed(bool retryFailed, int expectedFires)
    {
        var clock = new FakeTimeProvider(T0);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        await CreateAsync(core, Hourly);
        target.Status = 503;
        await StartAsync(core, "hourly", """{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T06:00:00Z"}""");
        await RunUntilDoneAsync(core, "hourly", ClaimA);
        target.Status = 200;

        await StartAsync(core, "hourly", $$"""{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T06:00:00Z","retryFailed":{{(retryFailed ? "true" : "false")}}}""");
        await RunUntilDoneAsync(core, "hourly", ClaimA);

        Assert.Equal(expectedFires, target.Fires.Count);
        var run = Assert.Single((await core.Runs.ListAsync("hourly", 100, null)).Items);
        Assert.Equal(retryFailed ? RunStatus.Succeeded : RunStatus.Failed, run.Status);
    }

    [Fact]
    public async Task ClaimDueAsync_ClaimantDiesMidBackfill_AnotherTakesOverAndContinuesWhereItStopped()
    {
        var clock = new FakeTimeProvider(T0);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        await CreateAsync(core, Hourly);
        await StartAsync(core, "hourly", """{"from":"2026-03-02T05:00:00Z","to":"2026-03-02T09:00:00Z"}""");
        await core.Executor.RunDueAsync((await core.Store.GetAsync("hourly"))!, ClaimA);   // 05:00 fired
        var abandoned = await core.Executor.ClaimDueAsync((await core.Store.GetAsync("hourly"))!, ClaimA); // 06:00 claimed, then A dies
        var lost = Assert.Single(abandoned.Claimed);

        var early = await core.Executor.RunDueAsync((await core.Store.GetAsync("hourly"))!, ClaimB);
        clock.Advance(TimeSpan.FromMinutes(3));
        var final = await RunUntilDoneAsync(core, "hourly", ClaimB);

        Assert.Empty(early.Claimed); // one at a time: B waits for A's claim to lapse
        Assert.Equal(lost.Occurrence.ScheduledAt, new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(
            ["2026-03-02T05:00:00Z", "2026-03-02T06:00:00Z", "2026-03-02T07:00:00Z", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"],
            target.Fires.Select(f => Iso(f.Occurrence.ScheduledAt)));
        Assert.Equal((BackfillStatus.Completed, 5), (final.State.Backfill!.Status, final.State.Backfill.Fired));
        Assert.Empty(final.State.InFlight);
    }

    [Fact]
    public async Task ClaimDueAsync_OneOccurrence_AsksTheRunLogOncePerHundredOccurrences()
    {
        var clock = new FakeTimeProvider(T0);
        var log = new RequestLog("");
        await using var core = new CoreServices(clock, new ScriptedTarget(clock), tablePolicy: log);
        await CreateAsync(core, """{"id":"minutely","schedule":{"cron":"* * * * *"},"target":{"url":"https://target.example/hook"}}""");
        await core.Api.PauseAsync("minutely");
        await StartAsync(core, "minutely", """{"from":"2026-03-01T10:00:00Z","to":"2026-03-01T13:19:00Z"}"""); // 200 occurrences
        var task = (await core.Store.GetAsync("minutely"))!;
        log.Take();

        var first = await core.Executor.RunDueAsync(task, ClaimA);
        var firstRequests = log.Take();
        var second = await core.Executor.RunDueAsync(first.Task!, ClaimA);
        var secondRequests = log.Take();

        // The first claim asks the log about 100 occurrences (one query per run layout: the shard and the task's
        // partition of earlier versions), then claims, records and clears.
        Assert.Equal(["GET Runs", "GET Runs", "PATCH Tasks", "PUT Runs", "PATCH Tasks"], firstRequests.Select(Shape));
        Assert.Equal(["PATCH Tasks", "PUT Runs", "PATCH Tasks"], secondRequests.Select(Shape));
        Assert.Equal(2, second.Task!.State.Backfill!.Fired);
    }

    [Fact]
    public async Task PutAsync_WhileBackfilling_EndsItAsReplaced()
    {
        var clock = new FakeTimeProvider(T0);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        await CreateAsync(core, Hourly);
        await StartAsync(core, "hourly", """{"from":"2026-03-02T05:00:00Z","to":"2026-03-02T09:00:00Z"}""");
        await core.Executor.RunDueAsync((await core.Store.GetAsync("hourly"))!, ClaimA);

        Assert.Equal(200, (await core.Api.PutAsync("hourly", Encoding.UTF8.GetBytes(Hourly))).StatusCode);
        var final = await RunUntilDoneAsync(core, "hourly", ClaimA);

        Assert.Single(target.Fires);
        Assert.Equal(BackfillStatus.Replaced, final.State.Backfill!.Status);
    }

    [Fact]
    public async Task RunDueAsync_BackfillAgainstABrokenTarget_NotifiesEachFailedRunButNeitherPausesNorMovesHealth()
    {
        var clock = new FakeTimeProvider(T0);
        var target = new ScriptedTarget(clock) { Status = 400 };
        await using var core = new CoreServices(clock, target);
        await CreateAsync(core, """{"id":"hourly","schedule":{"cron":"0 * * * *"},"target":{"url":"https://target.example/hook"},"failureAction":{"url":"https://alerts.example/hook"},"autoPauseAfter":2}""");
        await StartAsync(core, "hourly", """{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T09:00:00Z"}""");

        var final = await RunUntilDoneAsync(core, "hourly", ClaimA);

        Assert.Equal(4, target.Fires.Count);
        Assert.Equal(4, target.Notifications.Count(n => n.Event == NotificationEvent.RunFailed));
        Assert.All(target.Notifications, n => Assert.Equal(OccurrenceKind.Backfill, SchedulerJson.Deserialize<FailureNotification>(Encoding.UTF8.GetBytes(n.Body))!.Run!.Kind));
        Assert.Equal(TaskLifecycle.Active, final.State.Lifecycle);
        Assert.Equal((4L, 0L, (DateTimeOffset?)null), (final.State.RunStats.Failed, final.State.RunStats.ConsecutiveFailures, final.State.RunStats.LastSucceededAt));
        Assert.Null(final.State.RunStats.RecentSuccessRate);
    }

    private static async Task CreateAsync(CoreServices core, string body) =>
        Assert.Equal(201, (await core.Api.CreateAsync(Encoding.UTF8.GetBytes(body))).StatusCode);

    private static async Task StartAsync(CoreServices core, string id, string body)
    {
        var response = await core.Api.StartBackfillAsync(id, Encoding.UTF8.GetBytes(body));
        Assert.True(response.StatusCode == 202, $"Backfill answered {response.StatusCode}: {response.Body}");
    }

    // Plans and fires the task as a runtime would while the backfill runs; each pass fires at most one occurrence.
    private static async Task<StoredTask> RunUntilDoneAsync(CoreServices core, string id, ClaimRequest claim)
    {
        for (var pass = 0; pass < 100; pass++)
        {
            var task = (await core.Store.GetAsync(id))!;
            if (task.State.Backfill is not { Status: BackfillStatus.Running })
            {
                return task;
            }

            await core.Executor.RunDueAsync(task, claim);
        }

        throw new InvalidOperationException("The backfill did not end in 100 passes.");
    }

    private static RunRecord Run(string taskId, Occurrence occurrence, long generation, RunStatus status) => new()
    {
        TaskId = taskId,
        RunId = RunId.For(taskId, occurrence, generation),
        Occurrence = occurrence,
        Generation = generation,
        Status = status,
        MissedCount = status == RunStatus.Missed ? 1 : null,
    };

    // "PATCH core1a2bTasks" -> "PATCH Tasks": the tables' prefix is the fixture's own.
    private static string Shape(string request)
    {
        var (method, table) = (request[..request.IndexOf(' ', StringComparison.Ordinal)], request[(request.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var name = new[] { "TaskIds", "Tasks", "Runs" }.First(n => table.EndsWith(n, StringComparison.Ordinal));
        return method + " " + name;
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
