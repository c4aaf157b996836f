namespace FunctionScheduler.Functions.Activities;

/// <summary>Input of <see cref="TaskActivities.ClaimDue"/>: which task, claimed by whom, and not before when.</summary>
/// <param name="NotBefore">
/// The instant the orchestrator's timer waited for, when the timer woke it (null otherwise). A timer can wake up to
/// a second early on the Azure Storage backend (queue visibility delays are whole seconds), so the claim waits for
/// this instant rather than plan too early, find nothing due and send the orchestrator round again.
/// </param>
public sealed record ClaimDueInput(string Group, string TaskId, string Claimant, DateTimeOffset? NotBefore = null);
