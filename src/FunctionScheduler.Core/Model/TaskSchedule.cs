namespace FunctionScheduler.Core.Model;

/// <summary>
/// When a task fires. Exactly one of <see cref="Cron"/>, <see cref="Interval"/> or <see cref="At"/> is set,
/// as <see cref="Kind"/> says; the bounds and policies apply to all three.
/// </summary>
public sealed record TaskSchedule
{
    /// <summary>Default grace before an occurrence counts as missed.</summary>
    public static readonly TimeSpan DefaultMisfireGrace = TimeSpan.FromMinutes(1);

    /// <summary>Default cap on occurrences fired by <see cref="MisfirePolicy.CatchUp"/>.</summary>
    public const int DefaultCatchUpLimit = 10;

    /// <summary>Which of the three schedule forms this is.</summary>
    public required ScheduleKind Kind { get; init; }

    /// <summary>Cron expression, 5 fields or 6 with seconds first (Cronos syntax, Quartz '?' accepted).</summary>
    public string? Cron { get; init; }

    /// <summary>IANA time zone id the cron expression is read in.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>The fixed interval, at least one second.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>The instant of a one-off task.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>No occurrence before this instant. For intervals it is also the anchor; defaults to the creation time.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>No occurrence after this instant (inclusive bound).</summary>
    public DateTimeOffset? EndAt { get; init; }

    /// <summary>Completed after this many scheduled fires (run-now fires are not counted).</summary>
    public int? MaxRuns { get; init; }

    /// <summary>Each occurrence fires up to this much after its nominal time, the same amount every time it is computed.</summary>
    public TimeSpan Jitter { get; init; }

    /// <summary>What to do with occurrences missed by more than <see cref="MisfireGrace"/>.</summary>
    public MisfirePolicy Misfire { get; init; } = MisfirePolicy.FireOnce;

    /// <summary>How late an occurrence may fire and still count as on time.</summary>
    public TimeSpan MisfireGrace { get; init; } = DefaultMisfireGrace;

    /// <summary>With <see cref="MisfirePolicy.CatchUp"/>, the most missed occurrences fired at once.</summary>
    public int CatchUpLimit { get; init; } = DefaultCatchUpLimit;
}
