using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage.Tables;

// The stored form of a definition. Kept apart from the model (and from the REST API's JSON) so that either can
// change without silently changing what is on disk; SchemaVersion on the row says which form a row holds.
internal sealed record DefinitionDocument(
    string Id,
    string? Name,
    string? Description,
    string Group,
    ScheduleDocument Schedule,
    TargetDocument Target,
    TargetDocument? FailureAction = null,
    TimeSpan? OverdueTolerance = null,
    int? AutoPauseAfter = null)
{
    public static DefinitionDocument From(ScheduledTask task) => new(
        task.Id,
        task.Name,
        task.Description,
        task.Group,
        ScheduleDocument.From(task.Schedule),
        TargetDocument.From(task.Target),
        task.FailureAction is { } action ? TargetDocument.From(action) : null,
        task.OverdueTolerance,
        task.AutoPauseAfter);

    public ScheduledTask ToModel() => new()
    {
        Id = Id,
        Name = Name,
        Description = Description,
        Group = Group,
        Schedule = Schedule.ToModel(),
        Target = Target.ToModel(),
        FailureAction = FailureAction?.ToModel(),
        OverdueTolerance = OverdueTolerance,
        AutoPauseAfter = AutoPauseAfter,
    };
}

internal sealed record ScheduleDocument(
    ScheduleKind Kind,
    string? Cron,
    string TimeZone,
    TimeSpan? Interval,
    DateTimeOffset? At,
    DateTimeOffset? StartAt,
    DateTimeOffset? EndAt,
    int? MaxRuns,
    TimeSpan Jitter,
    MisfirePolicy Misfire,
    TimeSpan MisfireGrace,
    int CatchUpLimit)
{
    public static ScheduleDocument From(TaskSchedule s) => new(
        s.Kind, s.Cron, s.TimeZone, s.Interval, s.At, s.StartAt, s.EndAt, s.MaxRuns, s.Jitter, s.Misfire, s.MisfireGrace,
        s.CatchUpLimit);

    public TaskSchedule ToModel() => new()
    {
        Kind = Kind,
        Cron = Cron,
        TimeZone = TimeZone,
        Interval = Interval,
        At = At,
        StartAt = StartAt,
        EndAt = EndAt,
        MaxRuns = MaxRuns,
        Jitter = Jitter,
        Misfire = Misfire,
        MisfireGrace = MisfireGrace,
        CatchUpLimit = CatchUpLimit,
    };
}

internal sealed record TargetDocument(
    Uri Url,
    string Method,
    Dictionary<string, string> Headers,
    Dictionary<string, string> SecretHeaders,
    string? Body,
    string? ContentType,
    TimeSpan Timeout,
    RetryDocument Retry,
    ResponseCheckDocument? Success = null,
    AuthDocument? Auth = null)
{
    public static TargetDocument From(HttpTarget t) => new(
        t.Url,
        t.Method,
        new Dictionary<string, string>(t.Headers, StringComparer.OrdinalIgnoreCase),
        new Dictionary<string, string>(t.SecretHeaders, StringComparer.OrdinalIgnoreCase),
        t.Body,
        t.ContentType,
        t.Timeout,
        RetryDocument.From(t.Retry),
        ResponseCheckDocument.From(t.Success),
        t.Auth is { } auth ? new AuthDocument(auth.Type, auth.Audience) : null);

    public HttpTarget ToModel() => new()
    {
        Url = Url,
        Method = Method,
        // Header names compare case-insensitively in the model, as in HTTP; the deserializer's dictionary does not.
        Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase),
        SecretHeaders = new Dictionary<string, string>(SecretHeaders, StringComparer.OrdinalIgnoreCase),
        Body = Body,
        ContentType = ContentType,
        Timeout = Timeout,
        Retry = Retry.ToModel(),
        Success = Success?.ToModel() ?? ResponseCheck.Default,
        Auth = Auth is { } auth ? new TargetAuth { Type = auth.Type, Audience = auth.Audience } : null,
    };
}

// Absent from definitions stored before identity tokens, which read as "no auth".
internal sealed record AuthDocument(TargetAuthType Type, string Audience);

internal sealed record RetryDocument(int MaxAttempts, TimeSpan InitialDelay, TimeSpan MaxDelay, TimeSpan MaxDuration)
{
    public static RetryDocument From(TargetRetryPolicy r) => new(r.MaxAttempts, r.InitialDelay, r.MaxDelay, r.MaxDuration);

    public TargetRetryPolicy ToModel() => new()
    {
        MaxAttempts = MaxAttempts,
        InitialDelay = InitialDelay,
        MaxDelay = MaxDelay,
        MaxDuration = MaxDuration,
    };
}
