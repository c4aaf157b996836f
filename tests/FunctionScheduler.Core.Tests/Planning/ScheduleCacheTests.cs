using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

public class ScheduleCacheTests
{
    private static TaskSchedule Schedule(string expression) =>
        new() { Kind = ScheduleKind.Cron, Cron = expression, TimeZone = "Pacific/Chatham" };

    [Fact]
    public void For_SameInstanceTwice_ReturnsSameCompiledSchedule()
    {
        var schedule = Schedule("0 7 * * *");

        Assert.Same(ScheduleCache.For(schedule), ScheduleCache.For(schedule));
    }

    [Fact]
    public void For_EqualSchedulesFromTwoReads_ShareOneParsedCalendar()
    {
        // Storage reads create new instances; the expression must not be parsed again for each.
        var first = ScheduleCache.For(Schedule("0 8 * * *"));
        var second = ScheduleCache.For(Schedule("0 8 * * *"));

        Assert.NotSame(first, second);
        Assert.Same(first.Cron, second.Cron);
    }

    [Fact]
    public void For_ScheduleChangedWithWith_CompilesTheNewExpression()
    {
        var original = Schedule("0 9 * * *");
        _ = ScheduleCache.For(original);
        var changed = original with { Cron = "0 10 * * *" };

        var next = ScheduleCalendar.NextAfter(Task(changed), NewState(At("2025-01-01T00:00:00Z")), At("2025-01-01T00:00:00Z"));

        // 10:00 in Chatham (UTC+13:45 in January) is 20:15 UTC the day before.
        Assert.Equal(At("2025-01-01T20:15:00Z"), next?.ScheduledAt);
    }

    [Fact]
    public void For_CronWithoutExpression_ThrowsAsProgrammingError()
    {
        var schedule = new TaskSchedule { Kind = ScheduleKind.Cron };

        Assert.Throws<InvalidOperationException>(() => ScheduleCache.For(schedule));
    }
}
