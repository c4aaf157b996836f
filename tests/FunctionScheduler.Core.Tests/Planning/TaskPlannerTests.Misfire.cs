using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

public partial class TaskPlannerTests
{
    // Every five minutes; last handled 00:00; down until "now". Grace one minute, so anything due before
    // now - 1 min is late. At 01:02 all of 00:05..01:00 are late; at 01:00:30, 01:00 is still on time.
    [Theory]
    //          policy                 now                     due (scheduled)                                                   missed first            missed last            count
    [InlineData(MisfirePolicy.Skip,     "2025-01-01T01:02:00Z", "",                                                               "2025-01-01T00:05:00Z", "2025-01-01T01:00:00Z", 12)]
    [InlineData(MisfirePolicy.FireOnce, "2025-01-01T01:02:00Z", "2025-01-01T01:00:00Z",                                           "2025-01-01T00:05:00Z", "2025-01-01T00:55:00Z", 11)]
    [InlineData(MisfirePolicy.CatchUp,  "2025-01-01T01:02:00Z", "2025-01-01T00:50:00Z 2025-01-01T00:55:00Z 2025-01-01T01:00:00Z", "2025-01-01T00:05:00Z", "2025-01-01T00:45:00Z", 9)]
    [InlineData(MisfirePolicy.Skip,     "2025-01-01T01:00:30Z", "2025-01-01T01:00:00Z",                                           "2025-01-01T00:05:00Z", "2025-01-01T00:55:00Z", 11)]
    [InlineData(MisfirePolicy.FireOnce, "2025-01-01T01:00:30Z", "2025-01-01T00:55:00Z 2025-01-01T01:00:00Z",                      "2025-01-01T00:05:00Z", "2025-01-01T00:50:00Z", 10)]
    [InlineData(MisfirePolicy.CatchUp,  "2025-01-01T01:00:30Z", "2025-01-01T00:45:00Z 2025-01-01T00:50:00Z 2025-01-01T00:55:00Z 2025-01-01T01:00:00Z", "2025-01-01T00:05:00Z", "2025-01-01T00:40:00Z", 8)]
    public void Plan_CronAfterOneHourDown_AppliesMisfirePolicy(
        MisfirePolicy policy, string now, string due, string missedFirst, string missedLast, int missedCount)
    {
        var task = Cron("*/5 * * * *").With(s => s with { Misfire = policy, CatchUpLimit = 3 });
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T00:00:00Z"));

        var decision = TaskPlanner.Plan(task, state, At(now), Claim);

        Assert.Equal(List(due), Scheduled(decision.Due));
        Assert.Equal(new MissedRange(At(missedFirst), At(missedLast), missedCount, CountIsExact: true), decision.Missed);
        Assert.Equal(At("2025-01-01T01:05:00Z"), decision.Next?.ScheduledAt);
        Assert.Equal(At("2025-01-01T01:00:00Z"), decision.NextState.Cursor);
        Assert.Equal(state.FireCount + List(due).Length, decision.NextState.FireCount);
    }

    [Theory]
    [InlineData(MisfirePolicy.Skip, 0)]
    [InlineData(MisfirePolicy.FireOnce, 1)]
    [InlineData(MisfirePolicy.CatchUp, 10)]
    public void Plan_PerSecondCronDownThirtyDays_StaysBoundedWithInexactCount(MisfirePolicy policy, int lateFired)
    {
        var cursor = At("2025-01-01T00:00:00Z");
        var now = cursor.AddDays(30);
        var task = Cron("* * * * * *").With(s => s with { Misfire = policy, CatchUpLimit = 10 });

        var decision = TaskPlanner.Plan(task, StateAt(cursor.AddDays(-1), cursor), now, Claim);

        // 61 on time (now - 60 s .. now), plus the latest late ones the policy keeps.
        Assert.Equal(61 + lateFired, decision.Due.Count);
        Assert.Equal(now, decision.Due[^1].ScheduledAt);
        var missed = Assert.IsType<MissedRange>(decision.Missed);
        Assert.False(missed.CountIsExact);
        // Counting stopped at the cap: the count is a lower bound of the 2,591,939 late ones less those fired.
        Assert.InRange(missed.Count, PlanningLimits.MissedCountCap, (30 * 86_400) - 61 - lateFired);
        Assert.Equal(cursor.AddSeconds(1), missed.First);
        Assert.Equal(now.AddSeconds(-61 - lateFired), missed.Last);
        Assert.Equal(now, decision.NextState.Cursor);
        Assert.Equal(now.AddSeconds(1), decision.Next?.ScheduledAt);
    }

    [Theory]
    [InlineData(MisfirePolicy.Skip, 0)]
    [InlineData(MisfirePolicy.FireOnce, 1)]
    [InlineData(MisfirePolicy.CatchUp, 10)]
    public void Plan_PerSecondIntervalDownThirtyDays_CountsMissedExactly(MisfirePolicy policy, int lateFired)
    {
        var cursor = At("2025-01-01T00:00:00Z");
        var now = cursor.AddDays(30);
        var task = Interval(TimeSpan.FromSeconds(1), cursor).With(s => s with { Misfire = policy, CatchUpLimit = 10 });

        var decision = TaskPlanner.Plan(task, StateAt(cursor.AddDays(-1), cursor), now, Claim);

        // k = 1 .. 30 days: 2,592,000 occurrences; the last 61 are on time.
        var late = (30 * 86_400) - 61;
        Assert.Equal(61 + lateFired, decision.Due.Count);
        Assert.Equal(new MissedRange(cursor.AddSeconds(1), now.AddSeconds(-61 - lateFired), late - lateFired, CountIsExact: true), decision.Missed);
    }

    [Fact]
    public void Plan_ThousandsOnTimeWithinLongGrace_CapsDueAndLeavesRestForNextPlan()
    {
        var cursor = At("2025-01-01T00:00:00Z");
        var now = cursor.AddHours(2);
        var task = Cron("* * * * * *").With(s => s with { MisfireGrace = TimeSpan.FromHours(3) });

        var first = TaskPlanner.Plan(task, StateAt(cursor.AddDays(-1), cursor), now, Claim);

        Assert.Equal(PlanningLimits.MaxScheduledDue, first.Due.Count);
        Assert.Null(first.Missed);
        Assert.Equal(cursor.AddSeconds(1000), first.NextState.Cursor);
        Assert.Equal(cursor.AddSeconds(1001), first.Next?.ScheduledAt);
        Assert.True(first.WakeAt <= now);

        var second = TaskPlanner.Plan(task, first.NextState with { InFlight = [] }, now, Claim);

        Assert.Equal(cursor.AddSeconds(1001), second.Due[0].ScheduledAt);
        Assert.Equal(PlanningLimits.MaxScheduledDue, second.Due.Count);
    }

    [Fact]
    public void Plan_CatchUpWithMoreLateThanLimit_FiresMostRecentOldestFirst()
    {
        var task = Interval(TimeSpan.FromMinutes(1), At("2025-01-01T00:00:00Z"))
            .With(s => s with { Misfire = MisfirePolicy.CatchUp, CatchUpLimit = 2, MisfireGrace = TimeSpan.FromSeconds(10) });
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T00:00:00Z"));

        var decision = TaskPlanner.Plan(task, state, At("2025-01-01T00:10:30Z"), Claim);

        Assert.Equal(["2025-01-01T00:09:00Z", "2025-01-01T00:10:00Z"], Scheduled(decision.Due));
        Assert.Equal(new MissedRange(At("2025-01-01T00:01:00Z"), At("2025-01-01T00:08:00Z"), 8, CountIsExact: true), decision.Missed);
    }

    [Fact]
    public void Plan_IntervalRunLate_NextKeepsGridWithoutDrift()
    {
        var task = Interval(TimeSpan.FromMinutes(10), At("2025-01-01T00:00:00Z"));
        var state = NewState(At("2024-12-31T23:00:00Z")) with { Cursor = At("2025-01-01T00:00:00Z") };

        var late = TaskPlanner.Plan(task, state, At("2025-01-01T00:10:37Z"), Claim);
        var onTime = TaskPlanner.Plan(task, late.NextState with { InFlight = [] }, At("2025-01-01T00:20:00Z"), Claim);

        Assert.Equal(["2025-01-01T00:10:00Z"], Scheduled(late.Due));
        Assert.Equal(At("2025-01-01T00:20:00Z"), late.Next?.ScheduledAt);
        Assert.Equal(["2025-01-01T00:20:00Z"], Scheduled(onTime.Due));
    }

    [Fact]
    public void Plan_IntervalWithStartAtBeforeCreation_CreatesNoBacklog()
    {
        var task = Interval(TimeSpan.FromDays(1), At("2024-06-01T00:00:00Z")).With(s => s with { Misfire = MisfirePolicy.CatchUp });

        var decision = TaskPlanner.Plan(task, NewState(At("2025-01-01T12:00:00Z")), At("2025-01-01T12:00:01Z"), Claim);

        Assert.Empty(decision.Due);
        Assert.Null(decision.Missed);
        Assert.Equal(At("2025-01-02T00:00:00Z"), decision.Next?.ScheduledAt);
    }

    [Fact]
    public void Plan_CronWithJitter_IsDueAtItsJitteredInstantOnly()
    {
        var task = Cron("*/5 * * * *").With(s => s with { Jitter = TimeSpan.FromSeconds(30) });
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T00:00:00Z"));
        var nominal = At("2025-01-01T00:05:00Z");
        var fireAt = nominal + OccurrenceJitter.For(Id, nominal, TimeSpan.FromSeconds(30));

        var before = TaskPlanner.Plan(task, state, fireAt.AddTicks(-1), Claim);
        var at = TaskPlanner.Plan(task, state, fireAt, Claim);

        Assert.Empty(before.Due);
        Assert.Equal(fireAt, before.WakeAt);
        Assert.Equal([Occurrence.Scheduled(nominal, fireAt)], at.Due);
    }
}
