using System.Globalization;

namespace FunctionScheduler.Core.Describing;

/// <summary>The small pieces of English the schedule descriptions are made of.</summary>
internal static class EnglishText
{
    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Nth = ["first", "second", "third", "fourth", "fifth"];

    public static string Day(int dayOfWeek) => Days[dayOfWeek % 7];

    public static string Month(int month) => month is >= 1 and <= 12 ? Months[month - 1] : Number(month);

    public static string NthWord(int n) => n is >= 1 and <= 5 ? Nth[n - 1] : Ordinal(n);

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>1st, 2nd, 3rd, 4th, 11th, 21st.</summary>
    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return Number(n) + suffix;
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>"second", or "5 seconds".</summary>
    public static string Count(long n, string unit) => n == 1 ? unit : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s";

    /// <summary>"1 hour", "5 minutes".</summary>
    public static string Quantity(long n, string unit) => $"{n.ToString(CultureInfo.InvariantCulture)} {unit}{(n == 1 ? string.Empty : "s")}";

    /// <summary>"every minute", "every 5 minutes".</summary>
    public static string Every(long n, string unit) => "every " + Count(n, unit);

    /// <summary>HH:mm, with :ss when the second is not zero.</summary>
    public static string Time(int hour, int minute, int second) =>
        second == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}:{second:00}");

    /// <summary>An instant in UTC as people read it: 2026-03-01 02:30 UTC.</summary>
    public static string Instant(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var format = utc.Second == 0 && utc.Millisecond == 0 ? "yyyy-MM-dd HH:mm" : utc.Millisecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.fff";
        return utc.ToString(format, CultureInfo.InvariantCulture) + " UTC";
    }

    /// <summary>A duration in words: "5 minutes", "1 hour 30 minutes", "1.5 seconds".</summary>
    public static string Duration(TimeSpan duration)
    {
        var parts = new List<string>();
        if (duration.Days > 0)
        {
            parts.Add(Quantity(duration.Days, "day"));
        }

        if (duration.Hours > 0)
        {
            parts.Add(Quantity(duration.Hours, "hour"));
        }

        if (duration.Minutes > 0)
        {
            parts.Add(Quantity(duration.Minutes, "minute"));
        }

        var seconds = duration.Ticks % TimeSpan.TicksPerMinute / (double)TimeSpan.TicksPerSecond;
        if (seconds > 0)
        {
            parts.Add(seconds == 1 ? "1 second" : seconds.ToString("0.###", CultureInfo.InvariantCulture) + " seconds");
        }

        return string.Join(' ', parts);
    }

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
