using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// The occurrences a backfill window holds: the task's schedule between two instants, its startAt/endAt bounds
/// included, on the grid the schedule fires on, but regardless of when the current generation began and of the
/// schedule's cursor (a backfill is for the past the schedule did not cover). Pure, like the planner.
/// </summary>
public static class BackfillCalendar
{
    /// <summary>
    /// The first nominal instant of the schedule in [<paramref name="from"/>, <paramref name="to"/>] strictly
    /// after <paramref name="after"/> (from the start of the window when null); null when the window has no more.
    /// </summary>
    public static DateTimeOffset? NextAfter(
        ScheduledTask task, TaskRunState state, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? after)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(state);
        var beforeWindow = from.AddTicks(-1);
        var lower = after is { } a && a > beforeWindow ? a : beforeWindow;
        var next = ScheduleCalendar.NextAfter(task, WindowState(task.Schedule, state, from), lower);
        return next is { } occurrence && occurrence.ScheduledAt <= to ? occurrence.ScheduledAt : null;
    }

    /// <summary>How many occurrences the window holds, counting no further than <paramref name="max"/> + 1.</summary>
    public static int Count(ScheduledTask task, TaskRunState state, DateTimeOffset from, DateTimeOffset to, int max)
    {
        var count = 0;
        DateTimeOffset? after = null;
        while (count <= max && NextAfter(task, state, from, to, after) is { } next)
        {
            count++;
            after = next;
        }

        return count;
    }

    /// <summary>Whether the schedule, as <paramref name="state"/> stands, will still fire <paramref name="instant"/> itself.</summary>
    public static bool ScheduleOwns(ScheduledTask task, TaskRunState state, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(state);
        return state.Lifecycle == TaskLifecycle.Active
            && ScheduleCalendar.NextAfter(task, state, instant.AddTicks(-1)) is { } next
            && next.ScheduledAt == instant;
    }

    // A state whose timeline starts at or before the window and has no cursor, on the schedule's own grid. Cron and
    // one-off schedules have no grid beyond the schedule itself; an interval anchored at startAt neither. An interval
    // without startAt is anchored one interval after its generation began: moving that start back by whole
    // intervals keeps the grid and reaches the window.
    private static TaskRunState WindowState(TaskSchedule schedule, TaskRunState state, DateTimeOffset from)
    {
        var start = from;
        if (schedule is { Kind: ScheduleKind.Interval, StartAt: null, Interval: { Ticks: > 0 } interval })
        {
            var period = interval.Ticks;
            var anchor = state.GenerationStartedAt.UtcTicks + period;
            var steps = anchor > from.UtcTicks ? ((anchor - from.UtcTicks + period - 1) / period) : 0;

            // Never before year 1: grid points earlier than one interval after it cannot be represented anyway.
            steps = Math.Min(steps, state.GenerationStartedAt.UtcTicks / period);
            start = new DateTimeOffset(state.GenerationStartedAt.UtcTicks - (steps * period), TimeSpan.Zero);
        }

        return state with { GenerationStartedAt = start, Cursor = null };
    }
}
