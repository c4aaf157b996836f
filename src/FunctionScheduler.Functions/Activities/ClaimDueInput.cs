namespace FunctionScheduler.Functions.Activities;

/// <summary>Input of <see cref="TaskActivities.ClaimDue"/>: which task, claimed by whom.</summary>
public sealed record ClaimDueInput(string Group, string TaskId, string Claimant);
