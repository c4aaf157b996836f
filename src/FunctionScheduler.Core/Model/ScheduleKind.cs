namespace FunctionScheduler.Core.Model;

/// <summary>The three ways a task can be scheduled.</summary>
public enum ScheduleKind
{
    /// <summary>A cron expression (5 fields, or 6 with seconds) in an IANA time zone.</summary>
    Cron,

    /// <summary>A fixed interval anchored at <see cref="TaskSchedule.StartAt"/>: fire k = startAt + k·interval.</summary>
    Interval,

    /// <summary>A single instant.</summary>
    Once,
}
