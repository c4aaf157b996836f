namespace FunctionScheduler.Core.Planning;

/// <summary>
/// The bounds that keep one plan cheap however long a task was down. Whatever a bound leaves undone is left after
/// the cursor and planned next time (the decision's <see cref="PlanDecision.WakeAt"/> is then already due).
/// </summary>
public static class PlanningLimits
{
    /// <summary>Most scheduled occurrences in one decision's <see cref="PlanDecision.Due"/>.</summary>
    public const int MaxScheduledDue = 1000;

    /// <summary>
    /// Cron occurrences skipped by the misfire policy are counted one by one up to this many; past it
    /// <see cref="MissedRange.CountIsExact"/> is false. Interval counts are always exact (arithmetic).
    /// </summary>
    public const int MissedCountCap = 1000;

    /// <summary>Most occurrences examined one by one near "now" (within grace plus jitter) in one plan.</summary>
    public const int MaxExaminedNearNow = 10_000;
}
