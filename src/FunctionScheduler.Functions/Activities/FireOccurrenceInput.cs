using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Functions.Activities;

/// <summary>Input of <see cref="TaskActivities.FireOccurrence"/>: one occurrence this instance claimed.</summary>
public sealed record FireOccurrenceInput(string Group, string TaskId, ClaimedOccurrence Claimed);
