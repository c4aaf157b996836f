using System.Runtime.CompilerServices;
using Cronos;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// A parsed cron expression with its resolved time zone: the expensive part of a cron schedule, computed once per
/// (expression, zone) by <see cref="ScheduleCache"/>. Works in UTC ticks; Cronos does the zone arithmetic,
/// DST gaps and overlaps included.
/// </summary>
internal sealed class CronCalendar
{
    private readonly CronExpression _expression;
    private readonly TimeZoneInfo _zone;

    // Cronos has a cheaper path for TimeZoneInfo.Utc; zones without offset or rules ("Etc/UTC") behave the same.
    private readonly bool _isUtc;

    private CronCalendar(CronExpression expression, TimeZoneInfo zone)
    {
        _expression = expression;
        _zone = zone;
        _isUtc = ReferenceEquals(zone, TimeZoneInfo.Utc)
            || (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime && zone.GetAdjustmentRules().Length == 0);
    }

    public CronExpression Expression => _expression;

    public TimeZoneInfo Zone => _zone;

    /// <summary>
    /// Parses <paramref name="expression"/> (6 fields = seconds first, otherwise the standard 5 fields or a macro)
    /// and resolves the IANA zone <paramref name="zoneId"/>. Definitions are validated before they reach the
    /// planner, so a failure here is a programming error and Cronos' or the runtime's exception propagates.
    /// </summary>
    public static CronCalendar Compile(string expression, string zoneId)
    {
        var format = CountFields(expression) == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return new CronCalendar(CronExpression.Parse(expression, format), TimeZoneInfo.FindSystemTimeZoneById(zoneId));
    }

    /// <summary>
    /// The first occurrence after <paramref name="utcTicks"/> (or at it, when <paramref name="inclusive"/>), or null
    /// when the expression never matches again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long? Next(long utcTicks, bool inclusive)
    {
        var from = new DateTime(utcTicks, DateTimeKind.Utc);
        var next = _isUtc
            ? _expression.GetNextOccurrence(from, inclusive)
            : _expression.GetNextOccurrence(from, _zone, inclusive);
        return next?.Ticks;
    }

    /// <summary>
    /// An occurrence strictly before <paramref name="utcTicks"/> by Cronos' backward search. Only a starting point
    /// for a forward walk: in a DST gap Cronos' backward search answers the last instant before the gap, which its
    /// forward search never produces.
    /// </summary>
    public long? Before(long utcTicks)
    {
        var from = new DateTime(utcTicks, DateTimeKind.Utc);
        var previous = _isUtc
            ? _expression.GetPreviousOccurrence(from, inclusive: false)
            : _expression.GetPreviousOccurrence(from, _zone, inclusive: false);
        return previous?.Ticks;
    }

    private static int CountFields(string expression)
    {
        var fields = 0;
        var inField = false;
        foreach (var c in expression)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inField)
            {
                fields++;
            }

            inField = !isSpace;
        }

        return fields;
    }
}
