using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage.Tables;

// A task's backfill in the state's JSON column. Rows written before backfills existed have none, which reads as
// "never had one".
internal sealed record BackfillDocument(
    DateTimeOffset From,
    DateTimeOffset To,
    int? Limit,
    bool RetryFailed,
    long Generation,
    DateTimeOffset RequestedAt,
    int Occurrences,
    BackfillStatus Status,
    DateTimeOffset? Cursor,
    int Fired,
    int Skipped,
    DateTimeOffset? CheckedThrough,
    IReadOnlyList<DateTimeOffset>? Recorded,
    DateTimeOffset? EndedAt)
{
    public static BackfillDocument Of(BackfillState b) => new(
        b.From, b.To, b.Limit, b.RetryFailed, b.Generation, b.RequestedAt, b.Occurrences, b.Status, b.Cursor, b.Fired,
        b.Skipped, b.CheckedThrough, b.Recorded.Count == 0 ? null : b.Recorded, b.EndedAt);

    public BackfillState ToModel() => new()
    {
        From = From,
        To = To,
        Limit = Limit,
        RetryFailed = RetryFailed,
        Generation = Generation,
        RequestedAt = RequestedAt,
        Occurrences = Occurrences,
        Status = Status,
        Cursor = Cursor,
        Fired = Fired,
        Skipped = Skipped,
        CheckedThrough = CheckedThrough,
        Recorded = Recorded is { Count: > 0 } recorded ? [.. recorded] : [],
        EndedAt = EndedAt,
    };
}
