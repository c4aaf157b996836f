using System.Globalization;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;

namespace FunctionScheduler.Core.Tests.Planning;

/// <summary>Builders for planner tests: tasks, states and fixed instants.</summary>
internal static class PlanningFixture
{
    public const string Id = "nightly-report";

    /// <summary>The claim every test plans for unless it says otherwise.</summary>
    public static readonly ClaimRequest Claim = new("host-a", TimeSpan.FromMinutes(5));

    /// <summary>A fixed instant, parsed from ISO 8601 ("2025-03-30T01:00:00Z").</summary>
    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static ScheduledTask Task(TaskSchedule schedule, string id = Id) => new()
    {
        Id = id,
        Schedule = schedule,
        Target = new HttpTarget { Url = new Uri("https://receiver.example/hooks/run") },
    };

    public static ScheduledTask Cron(string expression, string zone = "UTC") =>
        Task(new TaskSchedule { Kind = ScheduleKind.Cron, Cron = expression, TimeZone = zone });

    public static ScheduledTask Interval(TimeSpan interval, DateTimeOffset? startAt = null) =>
        Task(new TaskSchedule { Kind = ScheduleKind.Interval, Interval = interval, StartAt = startAt });

    public static ScheduledTask Once(DateTimeOffset at) => Task(new TaskSchedule { Kind = ScheduleKind.Once, At = at });

    /// <summary>The same task with its schedule changed.</summary>
    public static ScheduledTask With(this ScheduledTask task, Func<TaskSchedule, TaskSchedule> change) =>
        task with { Schedule = change(task.Schedule) };

    /// <summary>A new task's state, its generation started at <paramref name="createdAt"/>.</summary>
    public static TaskRunState NewState(DateTimeOffset createdAt) => TaskRunState.New(createdAt);

    /// <summary>A state whose last fired or skipped occurrence is <paramref name="cursor"/>.</summary>
    public static TaskRunState StateAt(DateTimeOffset createdAt, DateTimeOffset cursor) =>
        TaskRunState.New(createdAt) with { Cursor = cursor };

    /// <summary>Nominal instants of the scheduled occurrences of <paramref name="occurrences"/>, in UTC ISO form.</summary>
    public static string[] Scheduled(IEnumerable<Occurrence> occurrences) =>
        [.. occurrences.Where(o => o.Kind == OccurrenceKind.Scheduled).Select(o => Iso(o.ScheduledAt))];

    public static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Splits a space-separated list of ISO instants, as the [Theory] tables write them.</summary>
    public static string[] List(string isoInstants) =>
        isoInstants.Length == 0 ? [] : isoInstants.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
