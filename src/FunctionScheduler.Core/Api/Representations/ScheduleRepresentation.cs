using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Api.Representations;

/// <summary>The "schedule" object: one of cron, interval or at, then bounds and policies, every default written out.</summary>
public sealed record ScheduleRepresentation
{
    public string? Cron { get; init; }

    public TimeSpan? Interval { get; init; }

    public DateTimeOffset? At { get; init; }

    /// <summary>Written for cron schedules only: the reader refuses it elsewhere.</summary>
    public string? TimeZone { get; init; }

    public DateTimeOffset? StartAt { get; init; }

    public DateTimeOffset? EndAt { get; init; }

    public int? MaxRuns { get; init; }

    public required TimeSpan Jitter { get; init; }

    public required MisfireRepresentation Misfire { get; init; }

    /// <summary>The representation of <paramref name="schedule"/>.</summary>
    public static ScheduleRepresentation From(TaskSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new ScheduleRepresentation
        {
            Cron = schedule.Kind == ScheduleKind.Cron ? schedule.Cron : null,
            Interval = schedule.Kind == ScheduleKind.Interval ? schedule.Interval : null,
            At = schedule.Kind == ScheduleKind.Once ? schedule.At : null,
            TimeZone = schedule.Kind == ScheduleKind.Cron ? schedule.TimeZone : null,
            StartAt = schedule.StartAt,
            EndAt = schedule.EndAt,
            MaxRuns = schedule.MaxRuns,
            Jitter = schedule.Jitter,
            Misfire = new MisfireRepresentation
            {
                Policy = schedule.Misfire,
                Grace = schedule.MisfireGrace,
                CatchUpLimit = schedule.CatchUpLimit,
            },
        };
    }
}
