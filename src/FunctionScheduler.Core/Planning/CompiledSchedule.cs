using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// What planning needs from a <see cref="TaskSchedule"/>, read once: bounds as UTC ticks and, for cron, the parsed
/// expression with its resolved zone. Cached per schedule instance by <see cref="ScheduleCache"/>.
/// </summary>
internal sealed class CompiledSchedule
{
    private CompiledSchedule(ScheduleKind kind, CronCalendar? cron, long? startAt, long end, long period, long at)
    {
        Kind = kind;
        Cron = cron;
        StartAt = startAt;
        End = end;
        Period = period;
        At = at;
    }

    public ScheduleKind Kind { get; }

    /// <summary>Cron only.</summary>
    public CronCalendar? Cron { get; }

    /// <summary><see cref="TaskSchedule.StartAt"/> in ticks, if set.</summary>
    public long? StartAt { get; }

    /// <summary><see cref="TaskSchedule.EndAt"/> in ticks (inclusive), or long.MaxValue.</summary>
    public long End { get; }

    /// <summary>Interval only: the interval in ticks, positive.</summary>
    public long Period { get; }

    /// <summary>Once only: the instant in ticks.</summary>
    public long At { get; }

    /// <summary>
    /// Reads <paramref name="schedule"/>. Definitions are validated before planning, so anything missing here is a
    /// programming error.
    /// </summary>
    public static CompiledSchedule Compile(TaskSchedule schedule, Func<string, string, CronCalendar> cronCalendar)
    {
        var startAt = schedule.StartAt?.UtcTicks;
        var end = schedule.EndAt?.UtcTicks ?? long.MaxValue;
        switch (schedule.Kind)
        {
            case ScheduleKind.Cron:
                var expression = schedule.Cron ?? throw Invalid("a cron schedule without an expression");
                return new(ScheduleKind.Cron, cronCalendar(expression, schedule.TimeZone), startAt, end, 0, 0);

            case ScheduleKind.Interval:
                var period = (schedule.Interval ?? throw Invalid("an interval schedule without an interval")).Ticks;
                return period > 0
                    ? new(ScheduleKind.Interval, null, startAt, end, period, 0)
                    : throw Invalid("an interval schedule with a non-positive interval");

            case ScheduleKind.Once:
                var at = (schedule.At ?? throw Invalid("a once schedule without an instant")).UtcTicks;
                return new(ScheduleKind.Once, null, startAt, end, 0, at);

            default:
                throw Invalid("an unknown schedule kind");
        }
    }

    private static InvalidOperationException Invalid(string what) =>
        new($"The planner received {what}; definitions must be validated before planning.");
}
