using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// What the planner decided for one task at one instant: what to fire now, what the misfire policy dropped, what
/// comes next, and the state to store once the caller has claimed the due occurrences.
/// </summary>
public sealed record PlanDecision
{
    /// <summary>
    /// Occurrences to fire now, in this order: abandoned in-flight claims being taken over, run-now requests,
    /// scheduled occurrences oldest first, then a backfill's next occurrence.
    /// </summary>
    public required IReadOnlyList<Occurrence> Due { get; init; }

    /// <summary>Scheduled occurrences the misfire policy skipped, if any.</summary>
    public MissedRange? Missed { get; init; }

    /// <summary>
    /// The next scheduled occurrence that is not due yet; null when none remains or the task is not active. When a
    /// <see cref="PlanningLimits"/> bound cut the plan short, it is the first occurrence left over and may already be
    /// due (then <see cref="WakeAt"/> is not after "now": plan again at once).
    /// </summary>
    public Occurrence? Next { get; init; }

    /// <summary>Set when no scheduled occurrence remains after <see cref="Due"/>.</summary>
    public CompletionReason? Completion { get; init; }

    /// <summary>
    /// The earliest instant at which planning again could decide something new: the next fire, or the expiry of
    /// another runtime's claim. Null when only a user's request can change anything.
    /// </summary>
    public DateTimeOffset? WakeAt { get; init; }

    /// <summary>
    /// The task's state once <see cref="Due"/> is claimed: cursor, fire count, next fire, completion, in-flight
    /// occurrences with their claim, and run-now requests removed. Store it with the version read.
    /// </summary>
    public required TaskRunState NextState { get; init; }
}
