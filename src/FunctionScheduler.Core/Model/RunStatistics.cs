namespace FunctionScheduler.Core.Model;

/// <summary>
/// What a task list shows about a task's runs without reading its history: counts since creation and the latest
/// outcomes. Part of <see cref="TaskRunState"/>, so it rides on the state write that clears a fire's claim (or the
/// claim that skips missed occurrences) and costs no write of its own. Bounded: <see cref="MaxRecent"/> entries.
/// </summary>
public sealed record RunStatistics(long Succeeded, long Failed, long Missed, IReadOnlyList<RecentRun> Recent)
{
    /// <summary>Most recent runs kept; each is some 120 bytes of the state's 64 KiB JSON column.</summary>
    public const int MaxRecent = 20;

    /// <summary>No run yet.</summary>
    public static readonly RunStatistics Empty = new(0, 0, 0, []);

    /// <summary>Every recorded run, missed records included.</summary>
    public long Total => Succeeded + Failed + Missed;

    /// <summary>Succeeded over succeeded plus failed; null before the first fire.</summary>
    public double? SuccessRate => Succeeded + Failed == 0 ? null : (double)Succeeded / (Succeeded + Failed);

    /// <summary>
    /// Failed runs recorded since the last successful one; a missed record neither counts nor breaks the streak, nor
    /// does a backfilled run (<see cref="CountsForHealth"/>).
    /// </summary>
    public long ConsecutiveFailures { get; init; }

    /// <summary>When the latest successful scheduled or manual run completed (by recording order); null before the first.</summary>
    public DateTimeOffset? LastSucceededAt { get; init; }

    /// <summary>
    /// Succeeded over succeeded plus failed among the <see cref="Recent"/> runs that count for health; null when none
    /// of them fired.
    /// </summary>
    public double? RecentSuccessRate
    {
        get
        {
            var health = Recent.Where(CountsForHealth).ToList();
            var succeeded = health.Count(run => run.Status == RunStatus.Succeeded);
            var fired = succeeded + health.Count(run => run.Status == RunStatus.Failed);
            return fired == 0 ? null : (double)succeeded / fired;
        }
    }

    /// <summary>
    /// Whether <paramref name="run"/> moves the task's health (streak, last success, recent rate, auto-pause): its
    /// scheduled and manual runs do; a backfilled one replays the past on request and shows in the backfill's own
    /// progress instead (docs/semantics.md §10).
    /// </summary>
    public static bool CountsForHealth(RecentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Kind != OccurrenceKind.Backfill;
    }

    /// <summary>
    /// These statistics with <paramref name="run"/> counted and put first among the recent ones;
    /// <paramref name="completedAt"/> is when it completed (the last success, when it succeeded).
    /// </summary>
    public RunStatistics With(RecentRun run, DateTimeOffset? completedAt = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunStatistics(
            Succeeded + (run.Status == RunStatus.Succeeded ? 1 : 0),
            Failed + (run.Status == RunStatus.Failed ? 1 : 0),
            Missed + (run.Status == RunStatus.Missed ? 1 : 0),
            [run, .. Recent.Take(MaxRecent - 1)])
        {
            ConsecutiveFailures = (CountsForHealth(run), run.Status) switch
            {
                (true, RunStatus.Succeeded) => 0,
                (true, RunStatus.Failed) => ConsecutiveFailures + 1,
                _ => ConsecutiveFailures,
            },
            LastSucceededAt = CountsForHealth(run) && run.Status == RunStatus.Succeeded ? completedAt ?? run.ScheduledAt : LastSucceededAt,
        };
    }

    /// <summary>The failed runs at the head of <paramref name="recent"/>, missed and backfilled ones skipped: the streak as far as it shows.</summary>
    public static long LeadingFailures(IEnumerable<RecentRun> recent)
    {
        ArgumentNullException.ThrowIfNull(recent);
        return recent.Where(run => run.Status != RunStatus.Missed && CountsForHealth(run)).TakeWhile(run => run.Status == RunStatus.Failed).LongCount();
    }
}

/// <summary>One run in brief, as the recent-outcomes strip shows it.</summary>
public sealed record RecentRun(DateTimeOffset ScheduledAt, OccurrenceKind Kind, RunStatus Status, int? HttpStatus, TimeSpan? Duration);
