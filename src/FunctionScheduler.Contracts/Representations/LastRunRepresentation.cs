namespace FunctionScheduler.Contracts;

/// <summary>The "state.lastRun" object: the latest recorded run in brief.</summary>
public sealed record LastRunRepresentation
{
    public required string RunId { get; init; }

    public required DateTimeOffset ScheduledAt { get; init; }

    public required RunStatus Status { get; init; }

    public int? HttpStatus { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Whole milliseconds from the first attempt's start to the last one's end; absent for missed runs.</summary>
    public long? DurationMs { get; init; }
}
