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

    /// <summary>Failed runs recorded since the last successful one; a missed record neither counts nor breaks the streak.</summary>
    public long ConsecutiveFailures { get; init; }

    /// <summary>When the latest successful run completed (by recording order); null before the first.</summary>
    public DateTimeOffset? LastSucceededAt { get; init; }

    /// <summary>Succeeded over succeeded plus failed among <see cref="Recent"/>; null when none of them fired.</summary>
    public double? RecentSuccessRate
    {
        get
        {
            var succeeded = Recent.Count(run => run.Status == RunStatus.Succeeded);
            var fired = succeeded + Recent.Count(run => run.Status == RunStatus.Failed);
            return fired == 0 ? null : (double)succeeded / fired;
        }
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
            ConsecutiveFailures = run.Status switch
            {
                RunStatus.Succeeded => 0,
                RunStatus.Failed => ConsecutiveFailures + 1,
                _ => ConsecutiveFailures,
            },
            LastSucceededAt = run.Status == RunStatus.Succeeded ? completedAt ?? run.ScheduledAt : LastSucceededAt,
        };
    }

    /// <summary>The failed runs at the head of <paramref name="recent"/>, missed ones skipped: the streak as far as it shows.</summary>
    public static long LeadingFailures(IEnumerable<RecentRun> recent)
    {
        ArgumentNullException.ThrowIfNull(recent);
        return recent.Where(run => run.Status != RunStatus.Missed).TakeWhile(run => run.Status == RunStatus.Failed).LongCount();
    }
}

/// <summary>One run in brief, as the recent-outcomes strip shows it.</summary>
public sealed record RecentRun(DateTimeOffset ScheduledAt, OccurrenceKind Kind, RunStatus Status, int? HttpStatus, TimeSpan? Duration);
