using FunctionScheduler.Core.Model;
using static FunctionScheduler.Core.Describing.EnglishText;

namespace FunctionScheduler.Core.Describing;

/// <summary>
/// A schedule in words, computed once in the core so that the API, the dashboard, the client and the CLI all show
/// the same text: "At 02:30 every day, Europe/Berlin", "Every 10 seconds, UTC", "Every 15 minutes from 2026-01-01
/// 00:00 UTC", "Once, at 2026-03-01 02:30 UTC". Bounds, maxRuns and jitter are not part of it; the zone always is
/// for cron. Pure.
/// </summary>
public static class ScheduleText
{
    // Cronos' macros, as the expressions they stand for.
    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@every_second"] = "* * * * * *",
        ["@every_minute"] = "* * * * *",
        ["@hourly"] = "0 * * * *",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@weekly"] = "0 0 * * 0",
        ["@monthly"] = "0 0 1 * *",
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
    };

    /// <summary>The schedule in words.</summary>
    public static string Describe(TaskSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.Kind switch
        {
            ScheduleKind.Cron => DescribeCron(schedule.Cron ?? string.Empty, schedule.TimeZone),
            ScheduleKind.Interval => DescribeInterval(schedule.Interval ?? TimeSpan.Zero, schedule.StartAt),
            _ => schedule.At is { } at ? $"Once, at {Instant(at)}" : "Once",
        };
    }

    /// <summary>A cron expression (5 or 6 fields, or a macro) in words, with the zone it is read in.</summary>
    public static string DescribeCron(string expression, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var trimmed = expression.Trim();
        var fields = (Macros.TryGetValue(trimmed, out var macro) ? macro : trimmed)
            .Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 5)
        {
            fields = ["0", .. fields];
        }

        // 'H' (a value the library picks per expression) and anything unreadable fall back to the expression.
        if (fields.Length != 6 || fields.Any(f => f.Contains('H', StringComparison.OrdinalIgnoreCase)))
        {
            return $"Cron '{trimmed}', {timeZone}";
        }

        var parsed = fields.Select((text, i) => CronField.Parse(text, (CronFieldKind)i)).ToArray();
        if (parsed.Any(field => !field.IsReadable))
        {
            return $"Cron '{trimmed}', {timeZone}";
        }

        var time = CronTimeText.Describe(parsed[0], parsed[1], parsed[2], out var fixedTimes);
        var days = CronDayText.Describe(parsed[3], parsed[4], parsed[5], fixedTimes);
        return Capitalize(days.Length == 0 ? time : $"{time} {days}") + ", " + timeZone;
    }

    private static string DescribeInterval(TimeSpan interval, DateTimeOffset? startAt)
    {
        var every = interval == TimeSpan.FromHours(1) ? "Every hour"
            : interval == TimeSpan.FromMinutes(1) ? "Every minute"
            : interval == TimeSpan.FromSeconds(1) ? "Every second"
            : interval == TimeSpan.FromDays(1) ? "Every day"
            : "Every " + Duration(interval);
        return startAt is { } anchor ? $"{every} from {Instant(anchor)}" : every;
    }
}
