using Cronos;

namespace FunctionScheduler.Core.Tests.Planning;

/// <summary>
/// The DST rule of docs/semantics-planning.md by brute force, as an oracle for the planner's cron search: every UTC
/// instant on a grid is read on the zone's clock (<see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/> with a UTC
/// instant) and judged on its own. Slow and obvious on purpose; shares nothing with CronCalendar or ZoneOffsets.
/// </summary>
internal static class WallClockOracle
{
    /// <summary>
    /// The occurrences in (<paramref name="from"/>, <paramref name="to"/>] (UTC ticks), judged at every point of the
    /// grid of <paramref name="step"/> ticks from <paramref name="from"/> and at every offset change (found to the
    /// minute between grid points). The grid must hold every instant whose local time can match: the oracle checks
    /// that offsets are multiples of the step. The clock is read from a day before <paramref name="from"/> to know
    /// what it already showed.
    /// </summary>
    /// <param name="cron">The expression, matched on the local clock with Cronos' UTC overload.</param>
    /// <param name="repeatsInOverlap">Whether the expression is interval-like (fires in both passes of a repeated hour).</param>
    public static List<long> Occurrences(CronExpression cron, bool repeatsInOverlap, TimeZoneInfo zone, long from, long to, long step)
    {
        var occurrences = new List<long>();
        var shownUpTo = long.MinValue;   // the latest local time the clock has shown
        var start = from - (TimeSpan.TicksPerDay / step * step);
        var previousOffset = OffsetAt(zone, start - step);
        for (var at = start; at <= to; at += step)
        {
            var offset = OffsetAt(zone, at);
            if (offset % step != 0)
            {
                throw new InvalidOperationException($"{zone.Id} is {TimeSpan.FromTicks(offset)} from UTC at {new DateTime(at, DateTimeKind.Utc):O}: not on the grid.");
            }

            if (offset != previousOffset && ChangeBefore(zone, at, step, previousOffset) is { } change && change < at)
            {
                Judge(change, OffsetAt(zone, change));
            }

            Judge(at, offset);
        }

        return occurrences;

        void Judge(long at, long offset)
        {
            var local = at + offset;

            // A local time the clock already showed is the second pass of a repeated hour.
            var secondPass = local <= shownUpTo;
            var occurs = Matches(cron, local) && (repeatsInOverlap || !secondPass);

            // The clock jumped forward here: local times in [at + previous, at + offset) were skipped, and a match
            // among them fires at the first instant after the gap.
            if (!occurs && offset > previousOffset && OffsetAt(zone, at - 1) == previousOffset)
            {
                occurs = cron.GetNextOccurrence(new DateTime(at + previousOffset, DateTimeKind.Utc), inclusive: true) is { } skipped && skipped.Ticks < local;
            }

            if (occurs && at > from)
            {
                occurrences.Add(at);
            }

            shownUpTo = Math.Max(shownUpTo, local);
            previousOffset = offset;
        }
    }

    /// <summary>The first whole minute in (at − step, at] whose offset differs from <paramref name="before"/>.</summary>
    public static long? ChangeBefore(TimeZoneInfo zone, long at, long step, long before)
    {
        for (var minute = at - step + TimeSpan.TicksPerMinute; minute <= at; minute += TimeSpan.TicksPerMinute)
        {
            if (OffsetAt(zone, minute) != before)
            {
                return OffsetAt(zone, minute - 1) == before
                    ? minute
                    : throw new InvalidOperationException($"{zone.Id} changes its offset inside the minute before {new DateTime(minute, DateTimeKind.Utc):O}.");
            }
        }

        return null;
    }

    public static long OffsetAt(TimeZoneInfo zone, long utcTicks) =>
        zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;

    public static bool Matches(CronExpression cron, long localTicks) =>
        cron.GetNextOccurrence(new DateTime(localTicks, DateTimeKind.Utc), inclusive: true)?.Ticks == localTicks;
}
