using System.Globalization;
using FunctionScheduler.Contracts;

namespace FunctionScheduler.Cli.Output;

/// <summary>One-line texts of a task's parts for tables.</summary>
internal static class TaskText
{
    public static IEnumerable<(string Name, string Value)> Fields(TaskRepresentation task)
    {
        yield return ("Id", task.Id);
        if (task.Name is not null)
        {
            yield return ("Name", task.Name);
        }

        yield return ("Group", task.Group);
        yield return ("Schedule", $"{Schedule(task.Schedule)} ({task.ScheduleText})");
        if (task.Schedule.StartAt is not null || task.Schedule.EndAt is not null)
        {
            yield return ("Between", $"{Instant(task.Schedule.StartAt)} .. {Instant(task.Schedule.EndAt)}");
        }

        if (task.Schedule.MaxRuns is { } maxRuns)
        {
            yield return ("Max runs", maxRuns.ToString(CultureInfo.InvariantCulture));
        }

        yield return ("Jitter", IsoDuration.Format(task.Schedule.Jitter));
        var misfire = task.Schedule.Misfire;
        yield return ("Misfire", $"{Name(misfire.Policy)}, grace {IsoDuration.Format(misfire.Grace)}, catch-up limit {misfire.CatchUpLimit.ToString(CultureInfo.InvariantCulture)}");
        yield return ("Target", $"{task.Target.Method} {task.Target.Url}");
        if (task.Target.Headers.Count + task.Target.SecretHeaders.Count > 0)
        {
            yield return ("Headers", string.Join(", ", task.Target.Headers.Keys.Concat(task.Target.SecretHeaders.Keys.Select(name => name + " (secret)"))));
        }

        if (task.Target.Auth is { } auth)
        {
            yield return ("Auth", $"{Name(auth.Type)} token for {auth.Audience}");
        }

        yield return ("Timeout", IsoDuration.Format(task.Target.Timeout));
        if (task.Target.Success is { } success && (success.Body is not null || success.Retry || !success.Statuses.SequenceEqual(["200-299"])))
        {
            yield return ("Success", Success(success));
        }

        if (task.FailureAction is { } action)
        {
            yield return ("On failure", $"POST {action.Url}");
        }

        if (task.AutoPauseAfter is { } autoPauseAfter)
        {
            yield return ("Auto-pause", $"after {autoPauseAfter.ToString(CultureInfo.InvariantCulture)} failed runs in a row");
        }

        yield return ("State", Lifecycle(task.State));
        yield return ("Next fire", Instant(task.State.NextFireAt));
        yield return ("Fires", $"{task.State.FireCount.ToString(CultureInfo.InvariantCulture)} (generation {task.State.Generation.ToString(CultureInfo.InvariantCulture)})");
        yield return ("Last run", LastRun(task.State.LastRun));
        if (task.State.PendingRunRequests > 0)
        {
            yield return ("Pending run-now", task.State.PendingRunRequests.ToString(CultureInfo.InvariantCulture));
        }

        if (task.State.Health is { } health)
        {
            yield return ("Health", Health(health));
        }
    }

    public static string Health(TaskHealthRepresentation health) =>
        (health.OverdueSince is { } since ? $"OVERDUE since {Instant(since)}; " : string.Empty)
        + $"{health.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture)} failed in a row, last success {Instant(health.LastSuccessAt)}, "
        + $"overdue after {IsoDuration.Format(health.OverdueTolerance)}";

    private static string Success(SuccessRepresentation success) =>
        "HTTP " + string.Join(", ", success.Statuses)
        + (success.Body?.Contains is { } contains ? $", body contains '{contains}'" : string.Empty)
        + (success.Body?.JsonPointer is { } pointer ? $", {pointer} = {success.Body.EqualTo?.GetRawText()}" : string.Empty)
        + (success.Retry ? ", failed checks retried" : string.Empty);

    public static string Schedule(ScheduleRepresentation schedule) =>
        schedule.Cron is { } cron ? $"cron '{cron}' {schedule.TimeZone}"
        : schedule.Interval is { } interval ? $"every {IsoDuration.Format(interval)}"
        : $"once at {Instant(schedule.At)}";

    public static string Lifecycle(TaskStateRepresentation state) =>
        (state.Completion is { } completion ? $"{Name(state.Lifecycle)} ({Name(completion)})"
            : state.PausedReason is { } reason ? $"{Name(state.Lifecycle)} ({Name(reason)})"
            : Name(state.Lifecycle))
        + (state.Health?.OverdueSince is not null ? ", overdue" : string.Empty);

    public static string LastRun(LastRunRepresentation? run) =>
        run is null ? "-" : $"{Name(run.Status)}{(run.HttpStatus is { } http ? " " + http.ToString(CultureInfo.InvariantCulture) : string.Empty)} at {Instant(run.ScheduledAt)}";

    public static string Instant(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>An enum value as the API writes it (camelCase).</summary>
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }
}
