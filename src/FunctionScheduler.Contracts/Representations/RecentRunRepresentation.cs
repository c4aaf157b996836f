namespace FunctionScheduler.Contracts;

/// <summary>One mark of the recent-outcomes strip: a run in brief.</summary>
public sealed record RecentRunRepresentation
{
    public required DateTimeOffset ScheduledAt { get; init; }

    public required OccurrenceKind Kind { get; init; }

    public required RunStatus Status { get; init; }

    public int? HttpStatus { get; init; }

    public long? DurationMs { get; init; }
}
