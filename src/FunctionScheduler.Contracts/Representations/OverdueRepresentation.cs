namespace FunctionScheduler.Contracts;

/// <summary>
/// The facts of an overdue task ("state.health.overdue", and the "overdue" member of a notification): the first
/// occurrence that went unrecorded past its deadline, and when that was noticed.
/// </summary>
public sealed record OverdueRepresentation
{
    /// <summary>The run id the occurrence has (and will be delivered with once it fires).</summary>
    public required string RunId { get; init; }

    public required OccurrenceKind Kind { get; init; }

    public required DateTimeOffset ScheduledAt { get; init; }

    /// <summary>The instant it was due to fire (jitter included; for a run-now, when it was requested).</summary>
    public required DateTimeOffset FireAt { get; init; }

    /// <summary>The deadline it missed: <see cref="FireAt"/> plus <see cref="Tolerance"/>.</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>The overdue tolerance in force when it was noticed.</summary>
    public required TimeSpan Tolerance { get; init; }

    /// <summary>When a check noticed it (the Functions reconcile, the standalone resync).</summary>
    public required DateTimeOffset DetectedAt { get; init; }

    /// <summary>The failure action's notification; absent when the task has no failure action (or in the notification itself).</summary>
    public NotificationRepresentation? Notification { get; init; }
}
