using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FunctionScheduler.Contracts;

/// <summary>
/// ISO-8601 durations limited to days, hours, minutes and (fractional) seconds: "PT30S", "PT1M30S", "P1D", "P1DT12H".
/// Years and months are refused because they have no fixed length; weeks because nobody needs them here.
/// A leading '-' parses to a negative value so that callers can report it as below their lower bound.
/// </summary>
public static partial class IsoDuration
{
    /// <summary>Parses <paramref name="text"/>; false when it is not a duration of the supported form or overflows.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (text is null || DurationRegex().Match(text) is not { Success: true } match)
        {
            return false;
        }

        var days = match.Groups["d"];
        var hours = match.Groups["h"];
        var minutes = match.Groups["m"];
        var seconds = match.Groups["s"];
        var hasTime = match.Groups["t"].Success;
        if (!days.Success && !hasTime)
        {
            return false;
        }

        if (hasTime && !hours.Success && !minutes.Success && !seconds.Success)
        {
            return false;
        }

        // Decimal holds every value the regex admits without overflow; the TimeSpan range is checked after.
        var ticks = (Number(days) * TimeSpan.TicksPerDay)
            + (Number(hours) * TimeSpan.TicksPerHour)
            + (Number(minutes) * TimeSpan.TicksPerMinute)
            + (Number(seconds) * TimeSpan.TicksPerSecond)
            + FractionTicks(match.Groups["f"]);
        if (match.Groups["sign"].Success)
        {
            ticks = -ticks;
        }

        if (ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Writes <paramref name="value"/> in the shortest form <see cref="TryParse"/> reads back to the same value.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "PT0S";
        }

        var builder = new StringBuilder();
        if (value < TimeSpan.Zero)
        {
            builder.Append('-');
        }

        // Via decimal so that TimeSpan.MinValue, whose magnitude a long cannot hold, formats too.
        var ticks = Math.Abs((decimal)value.Ticks);
        var days = decimal.Truncate(ticks / TimeSpan.TicksPerDay);
        var rest = (long)(ticks - (days * TimeSpan.TicksPerDay));
        builder.Append('P');
        if (days > 0)
        {
            builder.Append(days.ToString(CultureInfo.InvariantCulture)).Append('D');
        }

        if (rest > 0)
        {
            builder.Append('T');
            AppendPart(builder, rest / TimeSpan.TicksPerHour, 'H');
            AppendPart(builder, rest % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute, 'M');
            var secondTicks = rest % TimeSpan.TicksPerMinute;
            if (secondTicks > 0)
            {
                builder.Append((secondTicks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture));
                var fraction = secondTicks % TimeSpan.TicksPerSecond;
                if (fraction > 0)
                {
                    builder.Append('.').Append(fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0'));
                }

                builder.Append('S');
            }
        }

        return builder.ToString();
    }

    private static void AppendPart(StringBuilder builder, long amount, char designator)
    {
        if (amount > 0)
        {
            builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(designator);
        }
    }

    private static decimal Number(Group group) =>
        group.Success ? decimal.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0m;

    private static long FractionTicks(Group group) =>
        group.Success ? long.Parse(group.Value.PadRight(7, '0'), NumberStyles.None, CultureInfo.InvariantCulture) : 0L;

    [GeneratedRegex(
        @"^(?<sign>-)?P(?:(?<d>[0-9]{1,9})D)?(?<t>T(?:(?<h>[0-9]{1,10})H)?(?:(?<m>[0-9]{1,12})M)?(?:(?<s>[0-9]{1,14})(?:[.,](?<f>[0-9]{1,7}))?S)?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DurationRegex();
}
