namespace FunctionScheduler.Core.Model;

/// <summary>
/// A task's overdue episode, kept in its state from the check that noticed it until nothing it owes is past its
/// deadline any more: the first occurrence that went unrecorded past its fire instant plus the tolerance, and the
/// failure action's notification about it (sent once per episode).
/// </summary>
/// <param name="Occurrence">The late occurrence (scheduled, in flight, or a run-now request).</param>
/// <param name="Generation">The generation its run id carries.</param>
/// <param name="Since">Its deadline: fire instant plus <paramref name="Tolerance"/>.</param>
/// <param name="Tolerance">The task's overdue tolerance when it was noticed.</param>
/// <param name="DetectedAt">When a check noticed it.</param>
public sealed record OverdueMark(Occurrence Occurrence, long Generation, DateTimeOffset Since, TimeSpan Tolerance, DateTimeOffset DetectedAt)
{
    /// <summary>The notification, once one is decided (null when the task has no failure action).</summary>
    public NotificationOutcome? Notification { get; init; }

    /// <summary>
    /// While pending: until when the check that decided it may still be sending it. Past it, a later check sends it
    /// again (same id), so a sender that died does not lose it.
    /// </summary>
    public DateTimeOffset? NotifyingUntil { get; init; }
}
