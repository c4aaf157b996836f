using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage.Tables;

// The overdue episode as the state's JSON column keeps it; absent when the task is not overdue.
internal sealed record OverdueDocument(
    DateTimeOffset ScheduledAt,
    DateTimeOffset FireAt,
    OccurrenceKind Kind,
    long Generation,
    DateTimeOffset Since,
    TimeSpan Tolerance,
    DateTimeOffset DetectedAt,
    NotificationDocument? Notification,
    DateTimeOffset? NotifyingUntil)
{
    public static OverdueDocument From(OverdueMark m) => new(
        m.Occurrence.ScheduledAt,
        m.Occurrence.FireAt,
        m.Occurrence.Kind,
        m.Generation,
        m.Since,
        m.Tolerance,
        m.DetectedAt,
        m.Notification is { } n ? NotificationDocument.From(n) : null,
        m.NotifyingUntil);

    public OverdueMark ToModel() => new(new Occurrence(ScheduledAt, FireAt, Kind), Generation, Since, Tolerance, DetectedAt)
    {
        Notification = Notification?.ToModel(),
        NotifyingUntil = NotifyingUntil,
    };
}

// A failure action's notification and its outcome, in the state (overdue) and in a run row's Notification column.
internal sealed record NotificationDocument(
    string Id,
    NotificationStatus Status,
    int Attempts,
    int? HttpStatus,
    RunErrorClass ErrorClass,
    string? Error,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<string>? SigningKeyIds = null)
{
    public static NotificationDocument From(NotificationOutcome n) =>
        new(n.Id, n.Status, n.Attempts, n.HttpStatus, n.ErrorClass, RunRecord.Cut(n.Error, RunRow.MaxErrorLength), n.CompletedAt, n.SigningKeyIds);

    public NotificationOutcome ToModel() => new(Id, Status)
    {
        Attempts = Attempts,
        HttpStatus = HttpStatus,
        ErrorClass = ErrorClass,
        Error = Error,
        CompletedAt = CompletedAt,
        SigningKeyIds = SigningKeyIds,
    };
}
