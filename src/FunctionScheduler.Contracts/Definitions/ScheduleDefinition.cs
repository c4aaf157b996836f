namespace FunctionScheduler.Contracts;

/// <summary>The "schedule" object of a definition: exactly one of <see cref="Cron"/>, <see cref="Interval"/> and <see cref="At"/>.</summary>
public sealed record ScheduleDefinition
{
    /// <summary>5 fields, or 6 with seconds first.</summary>
    public string? Cron { get; init; }

    /// <summary>Fire k is at startAt + k * interval.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>The one fire of a one-off task.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Cron schedules only: an IANA id such as Europe/Berlin; UTC when null.</summary>
    public string? TimeZone { get; init; }

    public DateTimeOffset? StartAt { get; init; }

    /// <summary>Inclusive.</summary>
    public DateTimeOffset? EndAt { get; init; }

    /// <summary>Scheduled fires before the task completes; unlimited when null.</summary>
    public int? MaxRuns { get; init; }

    /// <summary>Each occurrence fires up to this much late, the same amount every time.</summary>
    public TimeSpan? Jitter { get; init; }

    public MisfireDefinition? Misfire { get; init; }
}
