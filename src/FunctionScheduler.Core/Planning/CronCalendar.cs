using System.Runtime.CompilerServices;
using Cronos;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// A parsed cron expression read in a time zone: the expensive part of a cron schedule, computed once per
/// (expression, zone) by <see cref="ScheduleCache"/>. Works in UTC ticks.
/// </summary>
/// <remarks>
/// Cronos matches the fields on a wall clock (its UTC overloads, given local ticks); this type maps wall clock and
/// UTC instants through the zone's offset changes (<see cref="ZoneOffsets"/>) and applies the DST rules of
/// docs/semantics-planning.md itself. Cronos' own zone overloads are not used: they ask .NET whether a local time is
/// invalid or ambiguous, which .NET answers wrongly in zones with negative DST, and then answer an instant at or
/// before the one asked to go past (Europe/Dublin on 2027-03-28: after 00:00:05Z, 00:00Z again).
/// </remarks>
internal sealed class CronCalendar
{
    /// <summary>
    /// Most offset changes one search crosses. The longest wait between two matches of any expression is a few
    /// decades (a 29 February that falls on a given weekday), two changes a year; past this the zone data is
    /// inconsistent and the search fails rather than loop.
    /// </summary>
    internal const int MaxChangesCrossed = 1000;

    private static readonly long MaxTicks = DateTime.MaxValue.Ticks;

    private readonly CronExpression _expression;
    private readonly ZoneOffsets? _offsets;   // null: UTC
    private readonly bool _repeatsInOverlap;

    private CronCalendar(CronExpression expression, ZoneOffsets? offsets, bool repeatsInOverlap)
    {
        _expression = expression;
        _offsets = offsets;
        _repeatsInOverlap = repeatsInOverlap;
    }

    /// <summary>
    /// Parses <paramref name="expression"/> (5 fields, 6 with seconds first, or a macro) and resolves the IANA zone
    /// <paramref name="zoneId"/>. Definitions are validated before they reach the planner, so a failure here is a
    /// programming error and Cronos' or the runtime's exception propagates.
    /// </summary>
    public static CronCalendar Compile(string expression, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var offsets = ZoneOffsets.For(zone);
        var isUtc = ReferenceEquals(zone, TimeZoneInfo.Utc) || offsets.Fixed == 0;
        return new CronCalendar(CronSyntax.Parse(expression), isUtc ? null : offsets, CronSyntax.RepeatsInOverlap(expression));
    }

    /// <summary>
    /// The first occurrence after <paramref name="utcTicks"/> (or at it, when <paramref name="inclusive"/>), or null
    /// when the expression never matches again. Always later than <paramref name="utcTicks"/> (or equal, when inclusive).
    /// </summary>
    /// <remarks>
    /// The answer is checked against the question: every loop in planning relies on it to make progress, so an
    /// answer that goes back (what Cronos' zone overloads do in negative-DST zones) fails loudly instead.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long? Next(long utcTicks, bool inclusive)
    {
        var next = _offsets is null ? WallNext(utcTicks, inclusive) : ZonedNext(utcTicks, inclusive);
        return next is not { } at || at > utcTicks || (inclusive && at == utcTicks) ? next : throw WentBack(utcTicks, at);
    }

    /// <summary>
    /// The occurrence strictly before <paramref name="utcTicks"/>: exactly the one <see cref="Next"/> would answer
    /// last before it, DST rules included. Null when there is none.
    /// </summary>
    public long? Before(long utcTicks)
    {
        var previous = _offsets is null ? WallBefore(utcTicks) : ZonedBefore(utcTicks);
        return previous is not { } at || at < utcTicks ? previous : throw WentBack(utcTicks, at);
    }

    private long? ZonedNext(long utcTicks, bool inclusive)
    {
        var offsets = _offsets!;
        var from = utcTicks;
        for (var crossed = 0; crossed <= MaxChangesCrossed; crossed++)
        {
            var offset = offsets.OffsetAt(from);
            var wallFrom = from + offset;

            // In the second pass of a repeated hour a fixed time does not fire again: search from the end of it.
            if (!_repeatsInOverlap && SecondPassOf(offsets, from) is { } fallBack && wallFrom < fallBack.At + fallBack.Before)
            {
                (wallFrom, inclusive) = (fallBack.At + fallBack.Before, true);
            }

            if (WallNext(wallFrom, inclusive) is not { } wall)
            {
                return null;
            }

            // Near the end of time the candidate may lie past it; a change before it may still hold an answer.
            var candidate = wall - offset;
            if (offsets.FirstChangeAfter(from, candidate) is not { } change)
            {
                return candidate <= MaxTicks ? candidate : null;
            }

            // The offset changes before the candidate. A match in the local times a gap skips fires at the first
            // instant after the gap; otherwise search again from the change, in the new offset.
            if (change.IsGap && wall < change.At + change.After)
            {
                return change.At;
            }

            (from, inclusive) = (change.At, true);
        }

        throw TooManyChanges(utcTicks);
    }

    private long? ZonedBefore(long utcTicks)
    {
        var offsets = _offsets!;
        var before = utcTicks;   // exclusive
        for (var crossed = 0; crossed <= MaxChangesCrossed; crossed++)
        {
            if (before <= 0)
            {
                return null;
            }

            var last = before - 1;
            var offset = offsets.OffsetAt(last);
            if (WallBefore(Math.Min(last + offset, MaxTicks) + 1) is not { } wall)
            {
                return null;
            }

            var candidate = wall - offset;   // before the start of time near it; a change after it may still answer
            if (offsets.LastChangeAtOrBefore(last, candidate + 1) is { } change)
            {
                // The offset changed after the candidate: the gap rule maps a match in skipped local times to the
                // change itself; otherwise look before the change, in the earlier offset.
                if (change.IsGap && wall >= change.At + change.Before)
                {
                    return change.At;
                }

                before = change.At;
                continue;
            }

            if (!_repeatsInOverlap && SecondPassOf(offsets, candidate) is { } fallBack)
            {
                // The second pass of a repeated hour: a fixed time fired in the first, before the change.
                before = fallBack.At;
                continue;
            }

            return candidate >= 0 ? candidate : null;
        }

        throw TooManyChanges(utcTicks);
    }

    // The change that fell back when utcTicks lies in the second pass of the local times it repeats; otherwise null.
    // The repetition ends at the local time At + Before, the instant At + (Before - After).
    private static OffsetChange? SecondPassOf(ZoneOffsets offsets, long utcTicks) =>
        offsets.LastChangeAtOrBefore(utcTicks, utcTicks - ZoneOffsets.MaxFallBack) is { IsGap: false } change
            && utcTicks < change.At + (change.Before - change.After)
            ? change
            : null;

    // Cronos' search on a wall clock: its UTC overloads with local ticks.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long? WallNext(long wallTicks, bool inclusive)
    {
        if (wallTicks < 0)
        {
            (wallTicks, inclusive) = (0, true);
        }

        // Nothing lies after the last tick there is (and Cronos would step past it).
        return wallTicks > MaxTicks || (wallTicks == MaxTicks && !inclusive)
            ? null
            : _expression.GetNextOccurrence(new DateTime(wallTicks, DateTimeKind.Utc), inclusive)?.Ticks;
    }

    // The last match strictly before wallTicks.
    private long? WallBefore(long wallTicks)
    {
        if (wallTicks <= 0)
        {
            return null;
        }

        return wallTicks > MaxTicks
            ? _expression.GetPreviousOccurrence(new DateTime(MaxTicks, DateTimeKind.Utc), inclusive: true)?.Ticks
            : _expression.GetPreviousOccurrence(new DateTime(wallTicks, DateTimeKind.Utc), inclusive: false)?.Ticks;
    }

    private static InvalidOperationException WentBack(long asked, long answered) =>
        new($"The cron search from {Format(asked)} answered {Format(answered)}, which does not move past it.");

    private static InvalidOperationException TooManyChanges(long utcTicks) =>
        new($"The cron search from {Format(utcTicks)} crossed more than {MaxChangesCrossed} offset changes; the zone data is inconsistent.");

    private static string Format(long utcTicks) =>
        new DateTime(Math.Clamp(utcTicks, 0, MaxTicks), DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
