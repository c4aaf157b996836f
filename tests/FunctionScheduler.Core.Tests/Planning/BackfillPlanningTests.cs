using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

/// <summary>The planner's backfill step: one occurrence at a time, oldest first, passing over what is recorded, in flight or the schedule's own.</summary>
public sealed class BackfillPlanningTests
{
    private static readonly DateTimeOffset Created = At("2026-03-02T10:00:00Z");
    private static readonly DateTimeOffset Now = At("2026-03-02T10:00:20Z");

    private static BackfillState Window(string from, string to, long generation = 1) => new()
    {
        From = At(from),
        To = At(to),
        Generation = generation,
        RequestedAt = Now,
        Occurrences = 0,
    };

    private static TaskRunState Paused(BackfillState backfill) =>
        NewState(Created) with { Lifecycle = TaskLifecycle.Paused, Backfill = backfill };

    // Plays a runtime: plans, records every claim at once (a succeeded run), and plans again while it asks to.
    private static (List<Occurrence> Fired, TaskRunState Final) RunToEnd(ScheduledTask task, TaskRunState state, DateTimeOffset now)
    {
        var fired = new List<Occurrence>();
        for (var pass = 0; pass < 5000; pass++)
        {
            var decision = TaskPlanner.Plan(task, state, now, Claim);
            state = decision.NextState;
            var backfilled = decision.Due.Where(o => o.Kind == OccurrenceKind.Backfill).ToList();
            fired.AddRange(backfilled);
            foreach (var claimed in state.InFlight.ToList())
            {
                state = RunBookkeeping.Recorded(state, new RunRecord
                {
                    TaskId = task.Id,
                    RunId = RunId.For(task.Id, claimed.Occurrence, claimed.Generation),
                    Occurrence = claimed.Occurrence,
                    Generation = claimed.Generation,
                    Status = RunStatus.Succeeded,
                });
            }

            if (state.Backfill is not { Status: BackfillStatus.Running })
            {
                return (fired, state);
            }
        }

        throw new InvalidOperationException("The backfill never ended.");
    }

    [Fact]
    public void Plan_RunningBackfill_ClaimsTheOldestOccurrenceOnlyWithItsOriginalInstantAndPlansAgainAtOnce()
    {
        var state = Paused(Window("2026-03-02T06:30:00Z", "2026-03-02T09:30:00Z"));

        var decision = TaskPlanner.Plan(Cron("0 * * * *"), state, Now, Claim);

        Assert.Equal([Occurrence.Backfill(At("2026-03-02T07:00:00Z"), Now)], decision.Due);
        var claimed = Assert.Single(decision.NextState.InFlight);
        Assert.Equal((Claim.Claimant, 1L), (claimed.ClaimedBy, claimed.Generation));
        Assert.Equal(Now, decision.WakeAt);
        Assert.Equal((1, 0, At("2026-03-02T07:00:00Z"), BackfillStatus.Running),
            (decision.NextState.Backfill!.Fired, decision.NextState.Backfill.Skipped, decision.NextState.Backfill.Cursor, decision.NextState.Backfill.Status));
    }

    [Fact]
    public void Plan_BackfillOccurrenceInFlight_ClaimsNothingMoreUntilItIsRecorded()
    {
        var first = TaskPlanner.Plan(Cron("0 * * * *"), Paused(Window("2026-03-02T06:30:00Z", "2026-03-02T09:30:00Z")), Now, Claim);
        var heldByOther = first.NextState with { InFlight = [first.NextState.InFlight[0] with { ClaimedBy = "host-b" }] };

        var second = TaskPlanner.Plan(Cron("0 * * * *"), heldByOther, Now.AddSeconds(1), Claim);

        Assert.Empty(second.Due);
        Assert.Equal(heldByOther, second.NextState);
        Assert.Equal(heldByOther.InFlight[0].ExpiresAt, second.WakeAt);
    }

    [Fact]
    public void Plan_PlayedToTheEnd_FiresEveryOccurrenceOfTheWindowOnceOldestFirstThenCompletes()
    {
        var (fired, final) = RunToEnd(Cron("0 * * * *"), Paused(Window("2026-03-02T06:00:00Z", "2026-03-02T09:00:00Z")), Now);

        Assert.Equal(["2026-03-02T06:00:00Z", "2026-03-02T07:00:00Z", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"], fired.Select(o => Iso(o.ScheduledAt)));
        Assert.Equal((BackfillStatus.Completed, 4, 0, Now), (final.Backfill!.Status, final.Backfill.Fired, final.Backfill.Skipped, final.Backfill.EndedAt));
        Assert.Empty(final.InFlight);
        Assert.Equal(TaskLifecycle.Paused, final.Lifecycle);
    }

    [Fact]
    public void Plan_RecordedAndInFlightOccurrences_ArePassedOverAndCountedAsSkipped()
    {
        var scheduledInFlight = new ClaimedOccurrence(Occurrence.Scheduled(At("2026-03-02T08:00:00Z"), At("2026-03-02T08:00:00Z")), "host-b", Now.AddMinutes(5), 1);
        var manualInFlight = new ClaimedOccurrence(Occurrence.Manual(At("2026-03-02T09:00:00Z")), "host-b", Now.AddMinutes(5), 1);
        var backfill = Window("2026-03-02T06:00:00Z", "2026-03-02T09:00:00Z") with { Recorded = [At("2026-03-02T06:00:00Z"), At("2026-03-02T07:00:00Z")] };
        var state = Paused(backfill) with { InFlight = [scheduledInFlight, manualInFlight] };

        var decision = TaskPlanner.Plan(Cron("0 * * * *"), state, Now, Claim);

        // 06:00 and 07:00 are recorded, 08:00 is in flight as a scheduled run; a run-now at 09:00 does not count.
        Assert.Equal([Occurrence.Backfill(At("2026-03-02T09:00:00Z"), Now)], decision.Due.Where(o => o.Kind == OccurrenceKind.Backfill));
        Assert.Equal((1, 3), (decision.NextState.Backfill!.Fired, decision.NextState.Backfill.Skipped));
        Assert.Empty(decision.NextState.Backfill.Recorded);
    }

    [Fact]
    public void Plan_ActiveTask_CompletesWhereTheScheduleWillStillFireAndLeavesThatToIt()
    {
        // The schedule fired up to 09:59; 10:00 is its own (due now, claimed by this very plan as scheduled).
        var backfill = Window("2026-03-02T09:58:00Z", "2026-03-02T10:00:20Z") with { Cursor = At("2026-03-02T09:59:00Z"), Fired = 2 };
        var state = StateAt(At("2026-03-02T09:00:00Z"), At("2026-03-02T09:59:00Z")) with { Backfill = backfill };

        var decision = TaskPlanner.Plan(Cron("* * * * *"), state, Now, Claim);

        Assert.Equal([Occurrence.Scheduled(At("2026-03-02T10:00:00Z"), At("2026-03-02T10:00:00Z"))], decision.Due);
        Assert.Equal((BackfillStatus.Completed, 2, At("2026-03-02T09:59:00Z")), (decision.NextState.Backfill!.Status, decision.NextState.Backfill.Fired, decision.NextState.Backfill.Cursor));
    }

    [Fact]
    public void CheckThrough_StopsBeforeWhatTheScheduleOwns()
    {
        // Created at 10:00 and active: the schedule owns 10:00 on, so one look at the log reaches 09:59 at most.
        var state = NewState(Created) with { Backfill = Window("2026-03-02T09:57:00Z", "2026-03-02T10:00:20Z") };

        var through = BackfillPlanning.CheckThrough(Cron("* * * * *"), state, state.Backfill!, At("2026-03-02T09:57:00Z"), 100);

        Assert.Equal(At("2026-03-02T09:59:00Z"), through);
    }

    [Fact]
    public void Plan_ScheduleAlreadyPastAnInstant_BackfillsIt()
    {
        // The schedule's cursor is at 10:05: 10:01 to 10:05 are its past (fired or skipped), which the run log decides.
        var state = StateAt(Created, At("2026-03-02T10:05:00Z")) with { Backfill = Window("2026-03-02T10:01:00Z", "2026-03-02T10:05:00Z") };

        var (fired, _) = RunToEnd(Cron("* * * * *"), state, At("2026-03-02T10:05:30Z"));

        Assert.Equal(5, fired.Count);
    }

    [Fact]
    public void Plan_Limit_FiresThatManyThenCompletes()
    {
        var state = Paused(Window("2026-03-02T00:00:00Z", "2026-03-02T09:00:00Z") with { Limit = 3 });

        var (fired, final) = RunToEnd(Cron("0 * * * *"), state, Now);

        Assert.Equal(["2026-03-02T00:00:00Z", "2026-03-02T01:00:00Z", "2026-03-02T02:00:00Z"], fired.Select(o => Iso(o.ScheduledAt)));
        Assert.Equal((BackfillStatus.Completed, 3), (final.Backfill!.Status, final.Backfill.Fired));
    }

    [Fact]
    public void Plan_LimitCountsFiredOnlyNotSkipped()
    {
        var state = Paused(Window("2026-03-02T00:00:00Z", "2026-03-02T09:00:00Z") with { Limit = 2, Recorded = [At("2026-03-02T00:00:00Z"), At("2026-03-02T01:00:00Z")] });

        var (fired, final) = RunToEnd(Cron("0 * * * *"), state, Now);

        Assert.Equal(["2026-03-02T02:00:00Z", "2026-03-02T03:00:00Z"], fired.Select(o => Iso(o.ScheduledAt)));
        Assert.Equal((2, 2), (final.Backfill!.Fired, final.Backfill.Skipped));
    }

    [Fact]
    public void Plan_TaskReplacedSinceTheRequest_EndsTheBackfillAsReplacedAndClaimsNothing()
    {
        var state = Paused(Window("2026-03-02T06:00:00Z", "2026-03-02T09:00:00Z", generation: 1)) with { Generation = 2 };

        var decision = TaskPlanner.Plan(Cron("0 * * * *"), state, Now, Claim);

        Assert.Empty(decision.Due);
        Assert.Equal((BackfillStatus.Replaced, Now), (decision.NextState.Backfill!.Status, decision.NextState.Backfill.EndedAt));
    }

    [Fact]
    public void Plan_EmptyWindow_CompletesAtOnce()
    {
        var decision = TaskPlanner.Plan(Cron("0 0 1 1 *"), Paused(Window("2026-03-02T06:00:00Z", "2026-03-02T09:00:00Z")), Now, Claim);

        Assert.Empty(decision.Due);
        Assert.Equal(BackfillStatus.Completed, decision.NextState.Backfill!.Status);
        Assert.Null(decision.WakeAt);
    }

    [Fact]
    public void Plan_EndedBackfill_IsLeftAlone()
    {
        var ended = Window("2026-03-02T06:00:00Z", "2026-03-02T09:00:00Z").End(BackfillStatus.Canceled, Now);
        var state = Paused(ended);

        var decision = TaskPlanner.Plan(Cron("0 * * * *"), state, Now.AddHours(1), Claim);

        Assert.Empty(decision.Due);
        Assert.Equal(state, decision.NextState);
    }

    [Fact]
    public void Plan_TakenOverBackfillClaim_FiresItAndPlansAgainAtOnce()
    {
        var lapsed = new ClaimedOccurrence(Occurrence.Backfill(At("2026-03-02T06:00:00Z"), At("2026-03-02T10:00:00Z")), "host-b", Now.AddSeconds(-1), 1);
        var state = Paused(Window("2026-03-02T06:00:00Z", "2026-03-02T09:00:00Z") with { Cursor = At("2026-03-02T06:00:00Z"), Fired = 1 }) with { InFlight = [lapsed] };

        var decision = TaskPlanner.Plan(Cron("0 * * * *"), state, Now, Claim);

        Assert.Equal([lapsed.Occurrence], decision.Due);
        Assert.Equal(Now, decision.WakeAt);
        Assert.Equal(1, decision.NextState.Backfill!.Fired);
    }

    [Theory]
    [InlineData("0 30 2 * * *", "Europe/Berlin", "2026-03-25T00:00:00Z", "2026-04-02T00:00:00Z")]   // spring forward: 02:30 does not exist on 29 March
    [InlineData("0 30 2 * * *", "Europe/Berlin", "2026-10-20T00:00:00Z", "2026-10-30T00:00:00Z")]   // fall back: 02:30 twice on 25 October
    [InlineData("*/15 * * * *", "America/New_York", "2026-03-07T00:00:00Z", "2026-03-09T00:00:00Z")]
    [InlineData("0 0 * * 1-5", "Asia/Kolkata", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z")]
    [InlineData("0 12 29 2 *", "UTC", "2020-01-01T00:00:00Z", "2029-01-01T00:00:00Z")]
    public void Plan_CronInItsZone_FiresExactlyTheScheduleOwnOccurrencesOfTheWindow(string cron, string zone, string from, string to)
    {
        var task = Cron(cron, zone);
        var state = Paused(Window(from, to)) with { GenerationStartedAt = At("2027-06-01T00:00:00Z") };

        var (fired, _) = RunToEnd(task, state, At("2029-06-01T00:00:00Z"));

        // What the schedule itself would have fired had the task been created at the window's start.
        var expected = ScheduleCalendar.Upcoming(task, NewState(At(from)), At(from).AddTicks(-1), 5000).Where(o => o.ScheduledAt <= At(to));
        Assert.Equal(expected.Select(o => o.ScheduledAt), fired.Select(o => o.ScheduledAt));
    }

    [Fact]
    public void Plan_IntervalWithoutStartAt_BackfillsOnTheScheduleGridBeforeTheTaskExisted()
    {
        // Created at 10:00 with PT1H: it fires at 11:00, 12:00, ...; the grid before it is 09:00, 08:00, ...
        var state = Paused(Window("2026-03-02T06:30:00Z", "2026-03-02T09:30:00Z"));

        var (fired, _) = RunToEnd(Interval(TimeSpan.FromHours(1)), state, Now);

        Assert.Equal(["2026-03-02T07:00:00Z", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"], fired.Select(o => Iso(o.ScheduledAt)));
    }

    [Fact]
    public void Plan_IntervalWithStartAt_NothingBeforeStartAt()
    {
        var state = Paused(Window("2026-03-02T00:00:00Z", "2026-03-02T09:30:00Z"));

        var (fired, _) = RunToEnd(Interval(TimeSpan.FromMinutes(90), startAt: At("2026-03-02T06:15:00Z")), state, Now);

        Assert.Equal(["2026-03-02T06:15:00Z", "2026-03-02T07:45:00Z", "2026-03-02T09:15:00Z"], fired.Select(o => Iso(o.ScheduledAt)));
    }

    [Fact]
    public void Plan_OneOffWhoseInstantIsInTheWindow_FiresItOnce()
    {
        var state = Paused(Window("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"));

        var (fired, _) = RunToEnd(Once(At("2026-03-01T12:00:00Z")), state, Now);

        Assert.Equal(["2026-03-01T12:00:00Z"], fired.Select(o => Iso(o.ScheduledAt)));
    }

    [Theory]
    [InlineData("2026-03-02T06:00:00Z", "2026-03-02T09:00:00Z", 4)]
    [InlineData("2026-03-02T06:00:01Z", "2026-03-02T08:59:59Z", 2)]
    [InlineData("2026-03-02T06:00:00Z", "2026-03-02T06:00:00Z", 1)]
    [InlineData("2026-03-02T06:00:01Z", "2026-03-02T06:59:59Z", 0)]
    public void Count_HourlyCron_CountsBothEndsIncluded(string from, string to, int expected) =>
        Assert.Equal(expected, BackfillCalendar.Count(Cron("0 * * * *"), NewState(Created), At(from), At(to), 1000));

    [Fact]
    public void Count_MoreThanTheMaximum_StopsOnePast()
    {
        Assert.Equal(11, BackfillCalendar.Count(Cron("* * * * * *"), NewState(Created), At("2026-03-02T00:00:00Z"), At("2026-03-02T01:00:00Z"), 10));
    }
}
