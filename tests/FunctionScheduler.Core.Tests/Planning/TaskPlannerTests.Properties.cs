using CsCheck;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

public partial class TaskPlannerTests
{
    [Fact]
    public void Plan_AnyStateAndNow_DueIsBoundedOrderedAndNeverInFuture()
    {
        var gen = from c in PlanningGen.Cases
                  from cursorOffset in Gen.Frequency((1, Gen.Const((long?)null)), (3, Gen.Long[-7200, 86_400].Select(s => (long?)s)))
                  from nowOffset in Gen.Long[-3600, 3 * 86_400]
                  from fireCount in Gen.Int[0, 10]
                  select (c.Base, c.Schedule, cursorOffset, nowOffset, fireCount);

        gen.Sample(c =>
        {
            var task = Task(c.Schedule);
            var state = NewState(c.Base) with
            {
                Cursor = c.cursorOffset is { } offset ? c.Base.AddSeconds(offset) : null,
                FireCount = c.Schedule.MaxRuns is { } max ? Math.Min(c.fireCount, max) : c.fireCount,
            };
            var now = c.Base.AddSeconds(c.nowOffset);

            var decision = TaskPlanner.Plan(task, state, now, Claim);

            var due = decision.Due;
            Assert.All(due, o => Assert.Equal(OccurrenceKind.Scheduled, o.Kind));
            Assert.All(due, o => Assert.True(o.FireAt <= now && o.ScheduledAt <= now));
            Assert.All(due, o => Assert.True(state.Cursor is null || o.ScheduledAt > state.Cursor));
            Assert.All(due.Zip(due.Skip(1)), pair => Assert.True(pair.First.ScheduledAt < pair.Second.ScheduledAt));
            Assert.InRange(due.Count, 0, PlanningLimits.MaxScheduledDue);

            var lateFired = due.Count(o => o.FireAt < now - c.Schedule.MisfireGrace);
            var keep = c.Schedule.Misfire switch { MisfirePolicy.Skip => 0, MisfirePolicy.FireOnce => 1, _ => c.Schedule.CatchUpLimit };
            Assert.InRange(lateFired, 0, keep);

            Assert.Equal(state.FireCount + due.Count, decision.NextState.FireCount);
            Assert.True(c.Schedule.MaxRuns is null || decision.NextState.FireCount <= c.Schedule.MaxRuns);
            Assert.Equal(decision.Next?.FireAt, decision.NextState.NextFireAt);
            Assert.Equal(decision.Next?.FireAt, decision.WakeAt);
            Assert.True(decision.Next is null || due.Count == 0 || decision.Next.Value.ScheduledAt > due[^1].ScheduledAt);
            Assert.True((decision.Next is null) == (decision.Completion is not null));
            if (decision.Missed is { } missed)
            {
                Assert.True(missed.First <= missed.Last && missed.Count >= 1 && missed.Last < now);
                Assert.True(decision.NextState.Cursor >= missed.Last);
            }
        }, iter: 400);
    }

    [Fact]
    public void Plan_ClockWalkWithLargeGrace_FiresEveryOccurrenceExactlyOnce()
    {
        var gen = from c in PlanningGen.Cases
                  from steps in Gen.Frequency((1, Gen.Const(0L)), (3, Gen.Long[1, 4 * 3600])).Array[1, 40]
                  select (c.Base, Schedule: c.Schedule with { MisfireGrace = TimeSpan.FromDays(1000) }, steps);

        gen.Sample(c =>
        {
            var (fired, missed, final, now) = Walk(Task(c.Schedule), c.Base, c.steps);

            Assert.Empty(missed);
            AssertMatchesOracle(Task(c.Schedule), c.Base, fired, now, skipped: 0);
            Assert.Equal(fired.Count, final.FireCount);
        }, iter: 200);
    }

    [Fact]
    public void Plan_ClockWalkWithAnyPolicy_AccountsForEveryOccurrenceOnce()
    {
        var gen = from c in PlanningGen.Cases
                  from steps in Gen.Frequency((1, Gen.Const(0L)), (3, Gen.Long[1, 6 * 3600])).Array[1, 40]
                  select (c.Base, c.Schedule, steps);

        gen.Sample(c =>
        {
            var (fired, missed, _, now) = Walk(Task(c.Schedule), c.Base, c.steps);

            Assert.All(missed.Zip(missed.Skip(1)), pair => Assert.True(pair.First.Last < pair.Second.First));
            Assert.All(fired, at => Assert.DoesNotContain(missed, m => m.First <= at && at <= m.Last && m.Count == 1));
            AssertMatchesOracle(
                Task(c.Schedule), c.Base, fired, now, skipped: missed.Sum(m => m.Count), exact: missed.All(m => m.CountIsExact));
        }, iter: 200);
    }

    // Plans as a host would: at each step (0 = "sleep until WakeAt"), and again at once while WakeAt has passed;
    // every due occurrence is recorded before the next plan.
    private static (List<DateTimeOffset> Fired, List<MissedRange> Missed, TaskRunState Final, DateTimeOffset Now) Walk(
        ScheduledTask task, DateTimeOffset @base, long[] steps)
    {
        var state = NewState(@base);
        var now = @base;
        var fired = new List<DateTimeOffset>();
        var missed = new List<MissedRange>();
        foreach (var step in steps)
        {
            now = step == 0 && state.NextFireAt is { } wake && wake > now ? wake : now.AddSeconds(Math.Max(step, 1));
            for (var replans = 0; ; replans++)
            {
                Assert.True(replans < 100, "planning did not settle");
                var decision = TaskPlanner.Plan(task, state, now, Claim);
                fired.AddRange(decision.Due.Select(o => o.ScheduledAt));
                if (decision.Missed is { } range)
                {
                    missed.Add(range);
                }

                state = decision.NextState;
                foreach (var occurrence in decision.Due)
                {
                    state = RunBookkeeping.Recorded(state, new RunRecord
                    {
                        TaskId = task.Id,
                        RunId = RunId.For(task.Id, occurrence, state.Generation),
                        Occurrence = occurrence,
                        Generation = state.Generation,
                        Status = RunStatus.Succeeded,
                    });
                }

                if (decision.WakeAt is not { } wakeAt || wakeAt > now)
                {
                    break;
                }
            }
        }

        Assert.Empty(state.InFlight);
        return (fired, missed, state, now);
    }

    // Fired plus skipped must be exactly the oracle's occurrences that were due by the end of the walk (in nominal
    // order, up to the first one not due), cut at maxRuns fires.
    // With a cron count cut at the cap (exact = false), skipped is only a lower bound.
    private static void AssertMatchesOracle(
        ScheduledTask task, DateTimeOffset @base, List<DateTimeOffset> fired, DateTimeOffset now, int skipped, bool exact = true)
    {
        Assert.Equal(fired.Count, fired.Distinct().Count());
        Assert.All(fired.Zip(fired.Skip(1)), pair => Assert.True(pair.First < pair.Second));

        var oracle = ScheduleOracle.Occurrences(task.Schedule, @base, now)
            .TakeWhile(at => ScheduleOracle.FireAt(task, at) <= now)
            .ToList();
        if (task.Schedule.MaxRuns is { } maxRuns && fired.Count == maxRuns)
        {
            // Completed by maxRuns: what came after the last fire was neither fired nor skipped.
            Assert.True(fired.Count + skipped <= oracle.Count);
            if (skipped == 0)
            {
                Assert.Equal(oracle.Take(maxRuns), fired);
            }
        }
        else if (exact)
        {
            Assert.Equal(oracle.Count, fired.Count + skipped);
        }
        else
        {
            Assert.InRange(fired.Count + skipped, PlanningLimits.MissedCountCap, oracle.Count);
        }

        Assert.Subset(oracle.ToHashSet(), fired.ToHashSet());
    }
}
