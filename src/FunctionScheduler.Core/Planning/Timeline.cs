using System.Runtime.CompilerServices;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// The nominal instants (UTC ticks) a schedule still has in the current generation, after the cursor: cron, interval
/// or once, between the lower bound and <see cref="TaskSchedule.EndAt"/>. A value type so that next-occurrence
/// look-ups allocate nothing.
/// </summary>
internal readonly struct Timeline
{
    private static readonly long MaxTicks = DateTimeOffset.MaxValue.UtcTicks;

    // An interval anchor past DateTimeOffset.MaxValue: the grid has no representable point.
    private static readonly long Beyond = MaxTicks + 1;

    private readonly CompiledSchedule _schedule;
    private readonly long _anchor;  // interval: the grid's origin; once: the instant
    private readonly long _from;    // inclusive lower bound, cursor folded in

    private Timeline(CompiledSchedule schedule, long anchor, long from)
    {
        _schedule = schedule;
        _anchor = anchor;
        _from = from;
    }

    public bool IsCron => _schedule.Kind == ScheduleKind.Cron;

    public CronCalendar? Cron => _schedule.Cron;

    public long From => _from;

    /// <summary>The timeline of <paramref name="schedule"/> in the generation and at the cursor of <paramref name="state"/>.</summary>
    public static Timeline Of(TaskSchedule schedule, TaskRunState state)
    {
        var compiled = ScheduleCache.For(schedule);
        var generationStart = state.GenerationStartedAt.UtcTicks;

        // "After the cursor" is "at or after one tick past it": ticks are the finest resolution there is.
        var afterCursor = state.Cursor is { } cursor ? cursor.UtcTicks + 1 : long.MinValue;

        switch (compiled.Kind)
        {
            case ScheduleKind.Cron:
                var lower = Math.Max(compiled.StartAt ?? long.MinValue, generationStart);
                return new(compiled, 0, Math.Max(lower, afterCursor));

            case ScheduleKind.Interval:
                // Without startAt the grid starts one interval after the generation began (not at once, not
                // from the Unix epoch), and a startAt in the past never creates a backlog from before the task.
                // One interval past the last representable instant the grid has no point at all (Beyond).
                var anchor = compiled.StartAt
                    ?? (generationStart > MaxTicks - compiled.Period ? Beyond : generationStart + compiled.Period);
                return new(compiled, anchor, Math.Max(Math.Max(anchor, generationStart), afterCursor));

            default:
                // A one-off is not filtered by the generation start: created a second late, it still fires (by
                // the misfire policy). Once handled, the cursor sits on it and it is gone.
                return new(compiled, compiled.At, Math.Max(compiled.StartAt ?? long.MinValue, afterCursor));
        }
    }

    /// <summary>The first instant at or after <paramref name="ticks"/>, within bounds; null when none remains.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long? AtOrAfter(long ticks) => WithinEnd(Unbounded(Math.Max(ticks, _from), inclusive: true));

    /// <summary>The first instant strictly after <paramref name="ticks"/>, within bounds.</summary>
    /// <remarks>
    /// Asks Cronos the same question the caller asked ("strictly after") rather than "at or after one tick later":
    /// the answers agree, and this is the path Cronos is fastest on (see docs/benchmarks/planner.md).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long? After(long ticks) =>
        ticks >= _from ? WithinEnd(Unbounded(ticks, inclusive: false)) : AtOrAfter(_from);

    /// <summary>Why <see cref="AtOrAfter"/> found nothing at or after <paramref name="ticks"/>.</summary>
    public CompletionReason WhyNoneAtOrAfter(long ticks) =>
        Unbounded(Math.Max(ticks, _from), inclusive: true) is null ? CompletionReason.NoMoreOccurrences : CompletionReason.EndAtReached;

    /// <summary>The number of interval grid points in [first, endExclusive); only for intervals.</summary>
    public long IntervalCount(long first, long endExclusive) =>
        endExclusive <= first ? 0 : ((endExclusive - 1 - first) / _schedule.Period) + 1;

    /// <summary>The interval grid point <paramref name="steps"/> periods after <paramref name="first"/>; only for intervals.</summary>
    public long IntervalStep(long first, long steps) => first + (steps * _schedule.Period);

    /// <summary>The upper bound as an exclusive limit, for callers that walk up to a point.</summary>
    public long Limit(long endExclusive) => _schedule.End == long.MaxValue ? endExclusive : Math.Min(endExclusive, _schedule.End + 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long? WithinEnd(long? instant) => instant <= _schedule.End ? instant : null;

    // The first instant at (when inclusive) or after "from", which is at or after the lower bound; ignores only the
    // upper bound.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long? Unbounded(long from, bool inclusive)
    {
        switch (_schedule.Kind)
        {
            case ScheduleKind.Cron:
                return from > MaxTicks ? null : _schedule.Cron!.Next(Math.Max(from, 0), inclusive);

            case ScheduleKind.Interval:
                var first = inclusive ? from : from + 1;
                if (first <= _anchor)
                {
                    return _anchor == Beyond ? null : _anchor;
                }

                // Arithmetic, never a loop: the k-th point is anchor + k * period however far "first" is.
                var period = _schedule.Period;
                var steps = ((first - _anchor - 1) / period) + 1;
                return steps > (MaxTicks - _anchor) / period ? null : _anchor + (steps * period);

            default:
                return (inclusive ? from <= _anchor : from < _anchor) ? _anchor : null;
        }
    }
}
