using CsCheck;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

public partial class ScheduleCalendarTests
{
    [Fact]
    public void Upcoming_AnySchedule_StrictlyIncreasesWithinBoundsAndMatchesOracle()
    {
        PlanningGen.Cases.Sample(c =>
        {
            var (@base, schedule) = c;
            var task = Task(schedule);
            var state = NewState(@base);

            var upcoming = ScheduleCalendar.Upcoming(task, state, @base.AddHours(-3), 40);

            var nominal = upcoming.Select(o => o.ScheduledAt).ToList();
            Assert.All(nominal.Zip(nominal.Skip(1)), pair => Assert.True(pair.First < pair.Second));
            Assert.All(upcoming, o => Assert.InRange(o.FireAt - o.ScheduledAt, TimeSpan.Zero, schedule.Jitter));
            Assert.All(nominal, at => Assert.True(schedule.StartAt is null || at >= schedule.StartAt));
            Assert.All(nominal, at => Assert.True(schedule.EndAt is null || at <= schedule.EndAt));
            Assert.All(nominal, at => Assert.True(schedule.Kind == ScheduleKind.Once || at >= state.GenerationStartedAt));

            // The oracle, cut at the last instant the calendar returned (or far ahead when it returned fewer).
            var until = nominal.Count == 40 ? nominal[^1] : @base.AddDays(400 * 4);
            var expected = ScheduleOracle.Occurrences(schedule, @base, until).Where(at => at > @base.AddHours(-3)).ToList();
            Assert.Equal(expected, nominal);
        }, iter: 300);
    }
}
