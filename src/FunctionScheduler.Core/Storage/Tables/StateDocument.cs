using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage.Tables;

// The part of a task's state that is nullable or a list. Table Storage cannot null a property in a Merge, so these
// live in one JSON column that every state write rewrites whole; the scalar, always-present parts are flat columns.
internal sealed record StateDocument(
    CompletionReason? Completion,
    DateTimeOffset? Cursor,
    IReadOnlyList<ClaimDocument> InFlight,
    IReadOnlyList<DateTimeOffset> RunRequests,
    LastRunDocument? LastRun,
    RunStatsDocument? RunStats = null,
    PausedReason? PausedReason = null,
    OverdueDocument? Overdue = null,
    BackfillDocument? Backfill = null)
{
    public static StateDocument From(TaskRunState s) => new(
        s.Completion,
        s.Cursor,
        [.. s.InFlight.Select(ClaimDocument.From)],
        s.RunRequests,
        s.LastRun is { } last ? LastRunDocument.From(last) : null,
        s.RunStats.Total == 0 ? null : RunStatsDocument.From(s.RunStats),
        s.PausedReason,
        s.Overdue is { } overdue ? OverdueDocument.From(overdue) : null,
        s.Backfill is { } backfill ? BackfillDocument.Of(backfill) : null);
}

internal sealed record ClaimDocument(
    DateTimeOffset ScheduledAt,
    DateTimeOffset FireAt,
    OccurrenceKind Kind,
    string ClaimedBy,
    DateTimeOffset ExpiresAt,
    long Generation)
{
    public static ClaimDocument From(ClaimedOccurrence c) => new(
        c.Occurrence.ScheduledAt, c.Occurrence.FireAt, c.Occurrence.Kind, c.ClaimedBy, c.ExpiresAt, c.Generation);

    public ClaimedOccurrence ToModel() => new(new Occurrence(ScheduledAt, FireAt, Kind), ClaimedBy, ExpiresAt, Generation);
}

internal sealed record LastRunDocument(
    string RunId,
    DateTimeOffset ScheduledAt,
    RunStatus Status,
    int? HttpStatus,
    DateTimeOffset? CompletedAt,
    long? DurationMs = null)
{
    public static LastRunDocument From(LastRunSummary l) =>
        new(l.RunId, l.ScheduledAt, l.Status, l.HttpStatus, l.CompletedAt, Milliseconds(l.Duration));

    public LastRunSummary ToModel() => new(RunId, ScheduledAt, Status, HttpStatus, CompletedAt) { Duration = Duration(DurationMs) };

    // Rounded, as the run log rounds it (RunRow), so the state and the history show the same number.
    public static long? Milliseconds(TimeSpan? duration) => duration is { } d ? (long)Math.Round(d.TotalMilliseconds) : null;

    public static TimeSpan? Duration(long? milliseconds) => milliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
}

// Rows written before run statistics were kept have none: they read as no run yet, and count from the next one.
// Rows written before the failure streak was kept read it from the recent runs, and have no last success.
internal sealed record RunStatsDocument(
    long Succeeded,
    long Failed,
    long Missed,
    IReadOnlyList<RecentRunDocument> Recent,
    long? ConsecutiveFailures = null,
    DateTimeOffset? LastSucceededAt = null)
{
    public static RunStatsDocument From(RunStatistics s) => new(
        s.Succeeded,
        s.Failed,
        s.Missed,
        [.. s.Recent.Select(r => new RecentRunDocument(r.ScheduledAt, r.Kind, r.Status, r.HttpStatus, LastRunDocument.Milliseconds(r.Duration)))],
        s.ConsecutiveFailures,
        s.LastSucceededAt);

    public RunStatistics ToModel()
    {
        IReadOnlyList<RecentRun> recent = [.. Recent.Select(r => new RecentRun(r.ScheduledAt, r.Kind, r.Status, r.HttpStatus, LastRunDocument.Duration(r.DurationMs)))];
        return new(Succeeded, Failed, Missed, recent)
        {
            ConsecutiveFailures = ConsecutiveFailures ?? RunStatistics.LeadingFailures(recent),
            LastSucceededAt = LastSucceededAt,
        };
    }
}

internal sealed record RecentRunDocument(DateTimeOffset ScheduledAt, OccurrenceKind Kind, RunStatus Status, int? HttpStatus, long? DurationMs);
