using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;

namespace FunctionScheduler.Core.Execution;

/// <summary>
/// The result of claiming a task's due occurrences: the task as stored after the claim, what the planner decided,
/// and the occurrences this claimant now owns. <see cref="Task"/> is null when the task no longer exists.
/// </summary>
/// <param name="Takeovers">
/// Claimed occurrences, with their generation, that were already in flight before this claim (an abandoned claim,
/// or the claimant's own earlier attempt): their run may already be recorded, so firing checks the run log first.
/// </param>
public sealed record ClaimOutcome(
    StoredTask? Task,
    PlanDecision? Decision,
    IReadOnlyList<ClaimedOccurrence> Claimed,
    IReadOnlySet<(Occurrence Occurrence, long Generation)> Takeovers)
{
    public static ClaimOutcome Gone { get; } = new(null, null, [], new HashSet<(Occurrence, long)>());

    /// <summary>Nothing was claimed (the runtime is stopping): the task as known, no decision.</summary>
    public static ClaimOutcome NotClaimed(StoredTask task) => new(task, null, [], new HashSet<(Occurrence, long)>());

    /// <summary>When the task should be looked at again; null when only a user's request can change anything.</summary>
    public DateTimeOffset? WakeAt => Decision?.WakeAt;
}
