using CsCheck;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

// Instants near the ends of DateTimeOffset: every sum the planner makes (lease, jitter, grace, interval anchor)
// stops at the limit instead of throwing.
public partial class TaskPlannerTests
{
    private static readonly DateTimeOffset LastMinute = At("9999-12-31T23:59:00Z");

    [Fact]
    public void Plan_DueOccurrenceInLastMinuteOfYear9999WithLease_ClaimExpiresAtMaxValue()
    {
        var task = Once(LastMinute);
        var state = NewState(At("9999-12-31T00:00:00Z"));

        var decision = TaskPlanner.Plan(task, state, LastMinute.AddSeconds(30), new ClaimRequest("host-a", TimeSpan.FromMinutes(5)));

        Assert.Equal([Iso(LastMinute)], Scheduled(decision.Due));
        Assert.Equal(DateTimeOffset.MaxValue, Assert.Single(decision.NextState.InFlight).ExpiresAt);
    }

    [Fact]
    public void NextAfter_JitterPastYear9999_FireAtStopsAtMaxValue()
    {
        // Up to an hour of jitter on 23:59 of the last day: this task's is 11 minutes, past the end of time.
        var task = Cron("59 23 31 12 *").With(s => s with { Jitter = TimeSpan.FromHours(1) });

        var next = ScheduleCalendar.NextAfter(task, NewState(At("9999-01-01T00:00:00Z")), At("9999-06-01T00:00:00Z"));

        Assert.Equal(LastMinute, next?.ScheduledAt);
        Assert.True(OccurrenceJitter.For(task.Id, LastMinute, TimeSpan.FromHours(1)) > TimeSpan.FromMinutes(1));
        Assert.Equal(DateTimeOffset.MaxValue, next?.FireAt);
    }

    [Fact]
    public void Plan_IntervalWhoseFirstPointIsPastYear9999_CompletesWithNoMoreOccurrences()
    {
        var task = Interval(TimeSpan.FromDays(2));

        var decision = TaskPlanner.Plan(task, NewState(At("9999-12-31T00:00:00Z")), At("9999-12-31T12:00:00Z"), Claim);

        Assert.Empty(decision.Due);
        Assert.Null(decision.Next);
        Assert.Equal(CompletionReason.NoMoreOccurrences, decision.Completion);
    }

    [Fact]
    public void Plan_AnyScheduleNearEitherEndOfTime_NeverThrowsAndStaysWithinRange()
    {
        var ends = Gen.OneOfConst(At("0001-01-01T00:00:00Z"), At("9999-12-31T00:00:00Z"));
        var gen = from end in ends
                  from zone in Gen.OneOfConst("UTC", "Europe/Dublin", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Africa/Casablanca")
                  from expression in Gen.OneOfConst("* * * * *", "*/20 * * * * *", "59 23 31 12 *", "0 0 1 1 *", "@hourly", "0 0 L * *")
                  from kind in Gen.Int[0, 2]
                  from every in Gen.Long[1, 3 * 86_400]
                  from startOffset in Gen.Long[-86_400, 86_400]
                  from nowOffset in Gen.Long[0, 86_399]
                  from jitterMs in Gen.Long[0, 3_600_000]
                  from graceSeconds in Gen.Long[0, 7 * 86_400]
                  from leaseSeconds in Gen.Long[0, 86_400]
                  from policy in Gen.OneOfConst(MisfirePolicy.Skip, MisfirePolicy.FireOnce, MisfirePolicy.CatchUp)
                  select (end, zone, expression, kind, every, startOffset, nowOffset, jitterMs, graceSeconds, leaseSeconds, policy);

        gen.Sample(c =>
        {
            var schedule = c.kind switch
            {
                0 => new TaskSchedule { Kind = ScheduleKind.Cron, Cron = c.expression, TimeZone = c.zone },
                1 => new TaskSchedule { Kind = ScheduleKind.Interval, Interval = TimeSpan.FromSeconds(c.every) },
                _ => new TaskSchedule { Kind = ScheduleKind.Once, At = Shift(c.end, c.startOffset) },
            };
            var task = Task(schedule with
            {
                StartAt = c.kind == 1 ? Shift(c.end, c.startOffset) : null,
                Jitter = TimeSpan.FromMilliseconds(c.jitterMs),
                MisfireGrace = TimeSpan.FromSeconds(c.graceSeconds),
                Misfire = c.policy,
            });
            var now = c.end.AddSeconds(c.nowOffset);
            var lease = TimeSpan.FromSeconds(c.leaseSeconds);

            var decision = TaskPlanner.Plan(task, NewState(c.end), now, new ClaimRequest("host-a", lease));

            Assert.All(decision.Due, o => Assert.True(o.FireAt <= now && o.ScheduledAt <= o.FireAt));
            var expiry = DateTimeOffset.MaxValue - now < lease ? DateTimeOffset.MaxValue : now + lease;
            Assert.All(decision.NextState.InFlight, claimed => Assert.Equal(expiry, claimed.ExpiresAt));
            Assert.True(decision.Next is not { } next || (next.FireAt >= next.ScheduledAt && (next.FireAt > now || decision.Due.Count > 0)));
            Assert.True(decision.NextState.Cursor is not { } cursor || cursor <= now);
            Assert.True((decision.Next is null) == (decision.Completion is not null));
        }, iter: 2000);
    }

    // end + seconds, kept within DateTimeOffset's range.
    private static DateTimeOffset Shift(DateTimeOffset end, long seconds) =>
        new(Math.Clamp(end.UtcTicks + (seconds * TimeSpan.TicksPerSecond), 0, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);
}
