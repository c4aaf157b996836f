namespace FunctionScheduler.Core.Model;

/// <summary>
/// One fire of a task. <see cref="ScheduledAt"/> is the nominal instant the schedule gives (for a manual run, the
/// instant it was requested); <see cref="FireAt"/> adds the task's jitter. The pair (task id, scheduled instant, kind)
/// identifies the run everywhere: run id, run record key, receiver deduplication.
/// </summary>
public readonly record struct Occurrence(DateTimeOffset ScheduledAt, DateTimeOffset FireAt, OccurrenceKind Kind)
{
    /// <summary>A scheduled occurrence.</summary>
    public static Occurrence Scheduled(DateTimeOffset scheduledAt, DateTimeOffset fireAt) =>
        new(scheduledAt, fireAt, OccurrenceKind.Scheduled);

    /// <summary>A run-now occurrence requested at <paramref name="requestedAt"/>; it fires at once.</summary>
    public static Occurrence Manual(DateTimeOffset requestedAt) =>
        new(requestedAt, requestedAt, OccurrenceKind.Manual);

    /// <summary>A past occurrence of the schedule, backfilled: its original instant, fired when claimed.</summary>
    public static Occurrence Backfill(DateTimeOffset scheduledAt, DateTimeOffset claimedAt) =>
        new(scheduledAt, claimedAt, OccurrenceKind.Backfill);
}
