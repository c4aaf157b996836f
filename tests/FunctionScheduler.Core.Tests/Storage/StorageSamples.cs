using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Storage;

/// <summary>Fixed instants, sample definitions and states, and stores over a fixture's tables.</summary>
internal static class StorageSamples
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static string NewId(string hint) => hint + "-" + Guid.NewGuid().ToString("N")[..12];

    public static ScheduledTask Definition(string id, string group = ScheduledTask.DefaultGroup, string? body = null) => new()
    {
        Id = id,
        Name = "Nightly report",
        Description = "Builds the report",
        Group = group,
        Schedule = new TaskSchedule
        {
            Kind = ScheduleKind.Cron,
            Cron = "0 30 2 * * *",
            TimeZone = "Europe/Berlin",
            StartAt = T0,
            EndAt = T0.AddDays(365),
            MaxRuns = 500,
            Jitter = TimeSpan.FromSeconds(7),
            Misfire = MisfirePolicy.CatchUp,
            MisfireGrace = TimeSpan.FromMinutes(3),
            CatchUpLimit = 4,
        },
        Target = new HttpTarget
        {
            Url = new Uri("https://example.test/hooks/report?x=1"),
            Method = "PUT",
            Headers = new Dictionary<string, string> { ["X-Tenant"] = "acme" },
            SecretHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer s3cret" },
            Body = body ?? """{"report":"nightly"}""",
            ContentType = "application/json",
            Timeout = TimeSpan.FromSeconds(45),
            Retry = new TargetRetryPolicy
            {
                MaxAttempts = 5,
                InitialDelay = TimeSpan.FromMilliseconds(250),
                MaxDelay = TimeSpan.FromSeconds(20),
                MaxDuration = TimeSpan.FromMinutes(4),
            },
            Success = new ResponseCheck { Statuses = [new StatusRange(200, 204), new StatusRange(304, 304)], JsonPointer = "/status", JsonEquals = "\"ok\"", Retry = true },
        },
        FailureAction = new HttpTarget
        {
            Url = new Uri("https://alerts.example.test/hook"),
            Headers = new Dictionary<string, string> { ["X-Team"] = "ops" },
            SecretHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer alert" },
            Timeout = TimeSpan.FromSeconds(10),
            Retry = new TargetRetryPolicy { MaxAttempts = 2 },
        },
        OverdueTolerance = TimeSpan.FromMinutes(7),
        AutoPauseAfter = 4,
    };

    public static ScheduledTask IntervalDefinition(string id, string group = ScheduledTask.DefaultGroup) => new()
    {
        Id = id,
        Group = group,
        Schedule = new TaskSchedule { Kind = ScheduleKind.Interval, Interval = TimeSpan.FromMinutes(5) },
        Target = new HttpTarget { Url = new Uri("https://example.test/tick") },
    };

    /// <summary>A state with every field set, lists and nullable values included.</summary>
    public static TaskRunState BusyState() => TaskRunState.New(T0) with
    {
        Lifecycle = TaskLifecycle.Active,
        Generation = 3,
        GenerationStartedAt = T0.AddHours(1),
        Cursor = T0.AddHours(2),
        FireCount = 17,
        NextFireAt = T0.AddHours(3).AddSeconds(7),
        InFlight =
        [
            new ClaimedOccurrence(Occurrence.Scheduled(T0.AddHours(2), T0.AddHours(2).AddSeconds(7)), "host-a", T0.AddHours(2).AddMinutes(5), 3),
            new ClaimedOccurrence(Occurrence.Manual(T0.AddMinutes(90)), "host-b", T0.AddMinutes(95), 3),
        ],
        RunRequests = [T0.AddMinutes(100), T0.AddMinutes(101)],
        LastRun = new LastRunSummary("x:1", T0.AddHours(1), RunStatus.Failed, 503, T0.AddHours(1).AddSeconds(2)) { Duration = TimeSpan.FromMilliseconds(2000) },
        RunStats = new RunStatistics(5, 2, 1,
        [
            new RecentRun(T0.AddHours(1), OccurrenceKind.Scheduled, RunStatus.Failed, 503, TimeSpan.FromMilliseconds(2000)),
            new RecentRun(T0.AddMinutes(50), OccurrenceKind.Manual, RunStatus.Succeeded, 200, TimeSpan.FromMilliseconds(12)),
            new RecentRun(T0.AddMinutes(40), OccurrenceKind.Scheduled, RunStatus.Missed, null, null),
        ])
        {
            ConsecutiveFailures = 1,
            LastSucceededAt = T0.AddMinutes(50).AddMilliseconds(12),
        },
        Overdue = new OverdueMark(Occurrence.Scheduled(T0.AddHours(2), T0.AddHours(2).AddSeconds(7)), 3, T0.AddHours(2).AddMinutes(7), TimeSpan.FromMinutes(7), T0.AddHours(2).AddMinutes(8))
        {
            Notification = new NotificationOutcome("x:2:overdue", NotificationStatus.Failed)
            {
                Attempts = 2,
                HttpStatus = 502,
                ErrorClass = RunErrorClass.HttpStatus,
                Error = "HTTP 502.",
                CompletedAt = T0.AddHours(2).AddMinutes(9),
            },
        },
        UpdatedAt = T0.AddHours(2),
    };

    public static FakeTimeProvider Clock(DateTimeOffset? now = null) => new(now ?? T0);

    public static TableTaskStore TaskStore(SchedulerTables tables, TimeProvider? time = null, ILogger<TableTaskStore>? logger = null) =>
        new(tables, new TableRunLog(tables), time ?? Clock(), logger ?? NullLogger<TableTaskStore>.Instance);

    public static RunRecord Run(string taskId, Occurrence occurrence, RunStatus status = RunStatus.Succeeded) => new()
    {
        TaskId = taskId,
        RunId = RunId.For(taskId, occurrence, 2),
        Occurrence = occurrence,
        Status = status,
        Generation = 2,
        StartedAt = occurrence.FireAt.AddMilliseconds(15),
        CompletedAt = occurrence.FireAt.AddMilliseconds(1265),
        Attempts = 1,
        HttpStatus = status == RunStatus.Succeeded ? 200 : 500,
        Duration = TimeSpan.FromMilliseconds(1250),
        ErrorClass = status == RunStatus.Succeeded ? RunErrorClass.None : RunErrorClass.HttpStatus,
        Error = status == RunStatus.Succeeded ? null : "500 Internal Server Error",
        ResponseSnippet = "ok",
        Notification = status == RunStatus.Succeeded ? null : new NotificationOutcome(RunId.For(taskId, occurrence, 2) + ":runFailed", NotificationStatus.Succeeded)
        {
            Attempts = 1,
            HttpStatus = 204,
            CompletedAt = occurrence.FireAt.AddSeconds(2),
        },
    };
}
