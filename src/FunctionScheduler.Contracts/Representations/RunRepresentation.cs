namespace FunctionScheduler.Contracts;

/// <summary>One entry of run history as reads return it.</summary>
public sealed record RunRepresentation
{
    public required string RunId { get; init; }

    public required string TaskId { get; init; }

    public required OccurrenceKind Kind { get; init; }

    public required DateTimeOffset ScheduledAt { get; init; }

    public required DateTimeOffset FireAt { get; init; }

    public required RunStatus Status { get; init; }

    /// <summary>Generation of the definition the run used.</summary>
    public required long Generation { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public required int Attempts { get; init; }

    public int? HttpStatus { get; init; }

    /// <summary>Whole milliseconds from the first attempt's start to the last one's end.</summary>
    public long? DurationMs { get; init; }

    /// <summary>Absent for a run that did not fail.</summary>
    public RunErrorClass? ErrorClass { get; init; }

    public string? Error { get; init; }

    public string? ResponseSnippet { get; init; }

    /// <summary>The ids of the signing keys the run's requests carried signatures of; absent when no request was sent.</summary>
    public IReadOnlyList<string>? SigningKeyIds { get; init; }

    public int? MissedCount { get; init; }

    public DateTimeOffset? MissedFrom { get; init; }

    /// <summary>For a failed run of a task with a failure action: the notification sent about it.</summary>
    public NotificationRepresentation? Notification { get; init; }
}
