using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// The planner's backfill step: the next occurrence of a running backfill, one at a time, in any lifecycle.
/// Occurrences already recorded (as far as <see cref="BackfillState.Recorded"/> knows) or in flight are passed
/// over; the backfill ends where the window ends, where the schedule itself will still fire, or at its limit, once
/// nothing it claimed is in flight. Pure: which occurrences the run log holds is the executor's to find out.
/// </summary>
internal static class BackfillPlanning
{
    /// <summary>What the step decided: the backfill's next state, and whether to plan again at once.</summary>
    public readonly record struct Step(BackfillState? State, DateTimeOffset? WakeAt);

    /// <summary>
    /// Adds the backfill's next occurrence, if one may fire now, to <paramref name="due"/> (which holds what the plan
    /// claims so far) and returns the backfill's next state.
    /// </summary>
    public static Step Plan(ScheduledTask task, TaskRunState state, DateTimeOffset now, DueList due)
    {
        if (state.Backfill is not { Status: BackfillStatus.Running } backfill)
        {
            return new Step(state.Backfill, null);
        }

        if (backfill.Generation != state.Generation)
        {
            return new Step(backfill.End(BackfillStatus.Replaced, now), null);
        }

        var busy = Busy(state, due);
        var firing = state.InFlight.Any(c => c.Occurrence.Kind == OccurrenceKind.Backfill);
        var recorded = backfill.Recorded.Select(r => r.UtcTicks).ToHashSet();
        var cursor = backfill.Cursor;
        var (fired, skipped) = (backfill.Fired, backfill.Skipped);
        var claimed = false;
        var exhausted = false;
        for (var examined = 0; examined <= BackfillState.MaxOccurrences; examined++)
        {
            if (BackfillCalendar.NextAfter(task, state, backfill.From, backfill.To, cursor) is not { } next
                || BackfillCalendar.ScheduleOwns(task, state, next))
            {
                exhausted = true;
                break;
            }

            if (recorded.Contains(next.UtcTicks) || busy.Contains(next.UtcTicks))
            {
                skipped++;
                cursor = next;
                continue;
            }

            if (firing || (backfill.Limit is { } limit && fired >= limit))
            {
                break;
            }

            due.TryAdd(Occurrence.Backfill(next, now), state.Generation);
            fired++;
            cursor = next;
            claimed = true;
            break;
        }

        var advanced = backfill with
        {
            Cursor = cursor,
            Fired = fired,
            Skipped = skipped,
            Recorded = cursor == backfill.Cursor ? backfill.Recorded : [.. backfill.Recorded.Where(r => r > cursor)],
        };
        if (!claimed && !firing && (exhausted || advanced.LimitReached))
        {
            advanced = advanced.End(BackfillStatus.Completed, now);
        }

        // Equal content keeps the state read, so that a plan with nothing to do writes nothing.
        var result = advanced.Cursor == backfill.Cursor && advanced.Status == backfill.Status ? backfill : advanced;

        // The next occurrence is claimed once this one (claimed now, or taken over) is recorded: the runtime that
        // fires it plans again at once.
        var firesNow = claimed || due.Occurrences.Any(o => o.Kind == OccurrenceKind.Backfill);
        return new Step(result, firesNow && result.Status == BackfillStatus.Running ? now : null);
    }

    /// <summary>
    /// The last occurrence of the backfill's window, from <paramref name="first"/> on and at most
    /// <paramref name="count"/> of them, before the schedule's own: how far one look at the run log reaches.
    /// </summary>
    public static DateTimeOffset CheckThrough(ScheduledTask task, TaskRunState state, BackfillState backfill, DateTimeOffset first, int count)
    {
        var through = first;
        for (var i = 1; i < count; i++)
        {
            if (BackfillCalendar.NextAfter(task, state, backfill.From, backfill.To, through) is not { } next
                || BackfillCalendar.ScheduleOwns(task, state, next))
            {
                break;
            }

            through = next;
        }

        return through;
    }

    // Instants a scheduled or backfilled run is claimed for, in flight before this plan or claimed by it: recorded
    // soon, so firing them again would deliver them twice.
    private static HashSet<long> Busy(TaskRunState state, DueList due)
    {
        var busy = state.InFlight
            .Where(c => c.Occurrence.Kind != OccurrenceKind.Manual)
            .Select(c => c.Occurrence.ScheduledAt.UtcTicks)
            .ToHashSet();
        busy.UnionWith(due.Occurrences.Where(o => o.Kind != OccurrenceKind.Manual).Select(o => o.ScheduledAt.UtcTicks));
        return busy;
    }
}
