namespace FunctionScheduler.Contracts;

/// <summary>Why an occurrence fires.</summary>
public enum OccurrenceKind
{
    /// <summary>Its schedule says so.</summary>
    Scheduled,

    /// <summary>A user asked to run the task now, outside the schedule.</summary>
    Manual,

    /// <summary>A past occurrence of the schedule, fired late with its original instant by a backfill.</summary>
    Backfill,
}
