using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Functions.Activities;

/// <summary>
/// What <see cref="TaskActivities.ClaimDue"/> found and claimed. Only what the orchestrator decides on crosses the
/// activity boundary (it is serialized into the orchestration history), never the whole task.
/// </summary>
/// <param name="Exists">False when the task is gone: the orchestration ends.</param>
/// <param name="Lifecycle">The task's lifecycle after the claim; null when it is gone.</param>
/// <param name="Generation">The task's generation after the claim (for logs); 0 when it is gone.</param>
/// <param name="Claimed">Occurrences this claimant now owns and must fire, in firing order.</param>
/// <param name="WakeAt">When to plan again; null when only a user's request can change anything (paused, completed).</param>
public sealed record ClaimDueResult(
    bool Exists,
    TaskLifecycle? Lifecycle,
    long Generation,
    IReadOnlyList<ClaimedOccurrence> Claimed,
    DateTimeOffset? WakeAt)
{
    /// <summary>The answer for a task that no longer exists.</summary>
    public static ClaimDueResult Gone { get; } = new(false, null, 0, [], null);
}
