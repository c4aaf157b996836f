namespace FunctionScheduler.Contracts;

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

    /// <summary>The schedule as a request writes it, every value as read.</summary>
    public ScheduleDefinition ToDefinition() => new()
    {
        Cron = Cron,
        Interval = Interval,
        At = At,
        TimeZone = TimeZone,
        StartAt = StartAt,
        EndAt = EndAt,
        MaxRuns = MaxRuns,
        Jitter = Jitter,
        Misfire = new MisfireDefinition { Policy = Misfire.Policy, Grace = Misfire.Grace, CatchUpLimit = Misfire.CatchUpLimit },
    };
}
