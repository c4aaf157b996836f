using static FunctionScheduler.Core.Describing.EnglishText;

namespace FunctionScheduler.Core.Describing;

/// <summary>The time-of-day half of a cron description: seconds, minutes and hours.</summary>
internal static class CronTimeText
{
    // More fire times than this in a day read better as a pattern than as a list.
    private const int MaxListedTimes = 6;

    /// <summary>
    /// "at 02:30", "at 08:00 and 20:00", "every 5 minutes", "every 15 minutes between 09:00 and 17:59".
    /// <paramref name="fixedTimes"/> is true when the phrase names times of day (so "every day" can follow).
    /// </summary>
    public static string Describe(CronField seconds, CronField minutes, CronField hours, out bool fixedTimes)
    {
        fixedTimes = false;
        if (seconds.Single is { } s && minutes.Single is { } m)
        {
            if (hours.Values(0, 23) is { Count: <= MaxListedTimes } hourList && !hours.IsAll)
            {
                fixedTimes = true;
                return "at " + List([.. hourList.Select(h => Time(h, m, s))]);
            }

            return OncePerHour(s, m, hours);
        }

        // A fixed second follows the minutes ("every minute, at second 30"); repeating seconds lead ("every 10 seconds").
        var second = SecondPhrase(seconds);
        var minute = MinutePhrase(minutes, secondsRepeat: seconds.Single is null);
        string?[] parts = seconds.Single is null ? [second, minute] : [minute, second];
        var text = string.Join(", ", parts.OfType<string>());
        return HourPhrase(hours) is { } hourPhrase ? $"{text} {hourPhrase}" : text;
    }

    // Fixed minute and second, several hours: "every hour", "every hour at minute 15", "every hour from 09:00 through 17:00".
    private static string OncePerHour(int second, int minute, CronField hours)
    {
        var at = minute == 0 && second == 0 ? string.Empty
            : second == 0 ? $" at minute {Number(minute)}"
            : $" at minute {Number(minute)}, second {Number(second)}";
        if (hours.IsAll)
        {
            return "every hour" + at;
        }

        if (hours.Items is [{ Kind: CronItemKind.Range, Step: null } range])
        {
            return $"every hour from {Time(range.From, minute, second)} through {Time(range.To, minute, second)}";
        }

        if (hours.Items is [{ Kind: CronItemKind.All, Step: { } step }])
        {
            return Every(step, "hour") + at;
        }

        return $"every hour{at} during hours {HourList(hours)}";
    }

    private static string? SecondPhrase(CronField seconds) => seconds switch
    {
        { Single: 0 } => null,
        { Single: { } s } => $"at second {Number(s)}",
        { IsAll: true } => "every second",
        _ => Pattern(seconds, "second"),
    };

    private static string? MinutePhrase(CronField minutes, bool secondsRepeat) => minutes switch
    {
        // "every 10 seconds" already says every minute.
        { IsAll: true } => secondsRepeat ? null : "every minute",
        { Single: { } m } => $"at minute {Number(m)}",
        _ => Pattern(minutes, "minute"),
    };

    private static string? HourPhrase(CronField hours)
    {
        if (hours.IsAll)
        {
            return null;
        }

        if (hours.Single is { } h)
        {
            return $"between {Time(h, 0, 0)} and {Time(h, 59, 0)}";
        }

        if (hours.Items is [{ Kind: CronItemKind.Range, Step: null } range])
        {
            return $"between {Time(range.From, 0, 0)} and {Time(range.To, 59, 0)}";
        }

        return hours.Items is [{ Kind: CronItemKind.All, Step: { } step }]
            ? $"in every {Ordinal(step)} hour"
            : $"during hours {HourList(hours)}";
    }

    // Steps, ranges and lists of seconds or minutes.
    private static string Pattern(CronField field, string unit)
    {
        if (field.Items is [{ Kind: CronItemKind.All or CronItemKind.Value, Step: { } step } stepped])
        {
            var from = stepped.Kind == CronItemKind.All ? 0 : stepped.From;
            return from == 0 ? Every(step, unit) : $"{Every(step, unit)} from {unit} {Number(from)}";
        }

        if (field.Items is [{ Kind: CronItemKind.Range } range])
        {
            var every = range.Step is { } rangeStep ? Every(rangeStep, unit) : "every " + unit;
            return $"{every} from {unit} {Number(range.From)} through {Number(range.To)}";
        }

        return field.Values(0, 59) is { } values ? $"at {unit}s {List([.. values.Select(Number)])}" : $"at {unit}s {field.Text}";
    }

    private static string HourList(CronField hours) =>
        hours.Values(0, 23) is { } values ? List([.. values.Select(h => Number(h))]) : hours.Text;
}
