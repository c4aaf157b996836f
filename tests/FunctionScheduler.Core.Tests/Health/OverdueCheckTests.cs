using FunctionScheduler.Core.Health;
using FunctionScheduler.Core.Model;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Health;

public sealed class OverdueCheckTests
{
    private static readonly DateTimeOffset Created = At("2026-03-02T10:00:30Z");

    // Hourly, five minutes' tolerance: the 11:00 occurrence is late from 11:05 on.
    private static readonly ScheduledTask Hourly = Cron("0 * * * *") with { OverdueTolerance = TimeSpan.FromMinutes(5) };

    private static readonly HttpTarget Action = new() { Url = new Uri("https://alerts.example/hook"), Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public void ToleranceOf_NothingGiven_IsGracePlusLongestCallsPlusSlack()
    {
        var task = Cron("0 * * * *");

        // Grace 1 min; the target's longest call: 3 attempts of 30 s with 30 s delays (150 s) inside 2 min + 30 s.
        Assert.Equal(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(150) + OverdueCheck.PlatformSlack, OverdueCheck.ToleranceOf(task));

        // A failure action adds its own longest call: 3 attempts of 10 s with 30 s delays (90 s).
        Assert.Equal(
            TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(150) + TimeSpan.FromSeconds(90) + OverdueCheck.PlatformSlack,
            OverdueCheck.ToleranceOf(task with { FailureAction = Action }));
    }

    [Fact]
    public void ToleranceOf_OneAttemptAndLongGrace_FollowsTheTaskNotAConstant()
    {
        var task = Cron("0 * * * *").With(s => s with { MisfireGrace = TimeSpan.FromMinutes(30) }) with
        {
            Target = new HttpTarget { Url = new Uri("https://w.example"), Timeout = TimeSpan.FromSeconds(5), Retry = new TargetRetryPolicy { MaxAttempts = 1 } },
        };

        Assert.Equal(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(5) + OverdueCheck.PlatformSlack, OverdueCheck.ToleranceOf(task));
    }

    [Fact]
    public void ToleranceOf_Given_IsUsedAsIs() =>
        Assert.Equal(TimeSpan.FromMinutes(5), OverdueCheck.ToleranceOf(Hourly));

    [Theory]
    [InlineData("2026-03-02T11:04:59Z", null)]
    [InlineData("2026-03-02T11:05:00Z", "2026-03-02T11:05:00Z")]
    [InlineData("2026-03-02T13:30:00Z", "2026-03-02T11:05:00Z")]
    public void Find_ActiveTaskWithNothingRecorded_IsLateFromFireInstantPlusTolerance(string now, string? deadline)
    {
        var owed = OverdueCheck.Find(Hourly, NewState(Created), At(now));

        Assert.Equal(deadline is null ? null : At(deadline), owed?.Deadline);
        Assert.Equal(deadline is null ? null : At("2026-03-02T11:00:00Z"), owed?.Occurrence.ScheduledAt);
    }

    [Theory]
    [InlineData(TaskLifecycle.Paused)]
    [InlineData(TaskLifecycle.Completed)]
    public void Find_NotActive_OwesNoScheduledOccurrence(TaskLifecycle lifecycle)
    {
        var state = NewState(Created) with { Lifecycle = lifecycle };

        Assert.Null(OverdueCheck.Find(Hourly, state, At("2026-03-05T00:00:00Z")));
    }

    [Fact]
    public void Find_ClaimInFlightOfAPausedTask_IsOwedInItsOwnGeneration()
    {
        var claimed = Occurrence.Scheduled(At("2026-03-02T11:00:00Z"), At("2026-03-02T11:00:00Z"));
        var state = NewState(Created) with
        {
            Lifecycle = TaskLifecycle.Paused,
            Generation = 3,
            InFlight = [new ClaimedOccurrence(claimed, "dead-host", At("2026-03-02T12:00:00Z"), 2)],
        };

        var owed = OverdueCheck.Find(Hourly, state, At("2026-03-02T11:06:00Z"));

        Assert.NotNull(owed);
        Assert.Equal(claimed, owed.Occurrence);
        Assert.Equal(2, owed.Generation);
    }

    [Fact]
    public void Find_RunNowRequestNotFired_IsOwedAsManual()
    {
        var state = NewState(Created) with { Lifecycle = TaskLifecycle.Completed, RunRequests = [At("2026-03-02T10:10:00Z")] };

        var owed = OverdueCheck.Find(Hourly, state, At("2026-03-02T10:15:00Z"));

        Assert.NotNull(owed);
        Assert.Equal(OccurrenceKind.Manual, owed.Occurrence.Kind);
        Assert.Equal(At("2026-03-02T10:15:00Z"), owed.Deadline);
    }

    [Fact]
    public void Find_SeveralLate_ReturnsTheEarliestDeadline()
    {
        var state = NewState(Created) with
        {
            RunRequests = [At("2026-03-02T10:59:00Z"), At("2026-03-02T10:30:00Z")],
            Cursor = At("2026-03-02T11:00:00Z"),
        };

        var owed = OverdueCheck.Find(Hourly, state, At("2026-03-02T12:10:00Z"));

        Assert.Equal(At("2026-03-02T10:35:00Z"), owed?.Deadline);
    }

    [Fact]
    public void Find_Jitter_CountsFromTheFireInstant()
    {
        var task = Hourly.With(s => s with { Jitter = TimeSpan.FromMinutes(30) });
        var jitter = Core.Planning.OccurrenceJitter.For(task.Id, At("2026-03-02T11:00:00Z"), TimeSpan.FromMinutes(30));

        var owed = OverdueCheck.Find(task, NewState(Created), At("2026-03-02T12:00:00Z"));

        Assert.Equal(At("2026-03-02T11:05:00Z") + jitter, owed?.Deadline);
    }

    [Fact]
    public void Find_MaxRunsReached_OwesNothing()
    {
        var task = Hourly.With(s => s with { MaxRuns = 1 });

        Assert.Null(OverdueCheck.Find(task, NewState(Created) with { FireCount = 1 }, At("2026-03-05T00:00:00Z")));
    }

    [Fact]
    public void Decide_NewlyLateWithFailureAction_MarksItAndHoldsAPendingNotification()
    {
        var task = Hourly with { FailureAction = Action };
        var state = NewState(Created);
        var now = At("2026-03-02T11:06:00Z");

        var next = OverdueCheck.Decide(task, state, now);

        var mark = Assert.IsType<OverdueMark>(next.Overdue);
        Assert.Equal(At("2026-03-02T11:05:00Z"), mark.Since);
        Assert.Equal(now, mark.DetectedAt);
        Assert.Equal(TimeSpan.FromMinutes(5), mark.Tolerance);
        Assert.Equal(new NotificationOutcome("nightly-report:2516298515999999999s-g1:overdue", NotificationStatus.Pending), mark.Notification);
        Assert.Equal(now + Action.LongestCall + OverdueCheck.PlatformSlack, mark.NotifyingUntil);
        Assert.True(OverdueCheck.HoldsNotification(state, next));
    }

    [Fact]
    public void Decide_NewlyLateWithoutFailureAction_MarksItWithoutNotification()
    {
        var next = OverdueCheck.Decide(Hourly, NewState(Created), At("2026-03-02T11:06:00Z"));

        Assert.NotNull(next.Overdue);
        Assert.Null(next.Overdue.Notification);
        Assert.False(OverdueCheck.HoldsNotification(NewState(Created), next));
    }

    [Fact]
    public void Decide_MarkedAndNotified_ChangesNothingHoweverLate()
    {
        var task = Hourly with { FailureAction = Action };
        var marked = OverdueCheck.Decide(task, NewState(Created), At("2026-03-02T11:06:00Z"));
        var notified = marked with
        {
            Overdue = marked.Overdue! with
            {
                Notification = marked.Overdue.Notification! with { Status = NotificationStatus.Succeeded },
                NotifyingUntil = null,
            },
        };

        Assert.Same(notified, OverdueCheck.Decide(task, notified, At("2026-03-02T11:30:00Z")));
        Assert.Same(notified, OverdueCheck.Decide(task, notified, At("2026-03-09T11:30:00Z")));
    }

    [Fact]
    public void Decide_PendingNotificationWhoseSenderStopped_IsTakenOverWithTheSameId()
    {
        var task = Hourly with { FailureAction = Action };
        var marked = OverdueCheck.Decide(task, NewState(Created), At("2026-03-02T11:06:00Z"));

        var stillHeld = OverdueCheck.Decide(task, marked, marked.Overdue!.NotifyingUntil!.Value.AddSeconds(-1));
        var lapsed = marked.Overdue.NotifyingUntil!.Value;
        var takenOver = OverdueCheck.Decide(task, marked, lapsed);

        Assert.Same(marked, stillHeld);
        Assert.Equal(marked.Overdue.Notification, takenOver.Overdue!.Notification);
        Assert.Equal(lapsed + Action.LongestCall + OverdueCheck.PlatformSlack, takenOver.Overdue.NotifyingUntil);
        Assert.Equal(marked.Overdue.Since, takenOver.Overdue.Since);
        Assert.True(OverdueCheck.HoldsNotification(marked, takenOver));
    }

    [Fact]
    public void Decide_MarkedButNothingLateAnyMore_ClearsTheMark()
    {
        var marked = OverdueCheck.Decide(Hourly, NewState(Created), At("2026-03-02T11:06:00Z"));
        var ran = marked with { Cursor = At("2026-03-02T11:00:00Z") };

        Assert.Null(OverdueCheck.Decide(Hourly, ran, At("2026-03-02T11:20:00Z")).Overdue);
        Assert.Null(OverdueCheck.Settle(Hourly, marked with { Lifecycle = TaskLifecycle.Paused }, At("2026-03-02T11:20:00Z")).Overdue);
    }

    [Fact]
    public void Settle_StillLateOrNeverMarked_ReturnsTheStateItself()
    {
        var marked = OverdueCheck.Decide(Hourly, NewState(Created), At("2026-03-02T11:06:00Z"));
        var unmarked = NewState(Created);

        Assert.Same(marked, OverdueCheck.Settle(Hourly, marked, At("2026-03-02T11:30:00Z")));
        Assert.Same(unmarked, OverdueCheck.Settle(Hourly, unmarked, At("2026-03-02T11:30:00Z")));
    }
}
