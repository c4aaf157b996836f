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
    BackfillDocument? Backfill = null)
{
    public static StateDocument From(TaskRunState s) => new(
        s.Completion,
        s.Cursor,
        [.. s.InFlight.Select(ClaimDocument.From)],
        s.RunRequests,
        s.LastRun is { } last ? LastRunDocument.From(last) : null,
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
    DateTimeOffset? CompletedAt)
{
    public static LastRunDocument From(LastRunSummary l) => new(l.RunId, l.ScheduledAt, l.Status, l.HttpStatus, l.CompletedAt);

    public LastRunSummary ToModel() => new(RunId, ScheduledAt, Status, HttpStatus, CompletedAt);
}
