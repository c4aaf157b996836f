using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// The schedule arithmetic the planner uses, for hosts and benchmarks: the occurrences a task's schedule still has
/// in the state's generation after its cursor, between its lower bound and <see cref="TaskSchedule.EndAt"/>.
/// <see cref="TaskSchedule.MaxRuns"/> and the lifecycle are the planner's business and are not applied here.
/// </summary>
public static class ScheduleCalendar
{
    /// <summary>
    /// The first scheduled occurrence whose nominal instant is strictly after <paramref name="after"/> (and after
    /// the state's cursor, at or after the schedule's lower bound, at or before its end), with its jitter; null
    /// when the schedule has none left. Instants are returned in UTC.
    /// </summary>
    public static Occurrence? NextAfter(ScheduledTask task, TaskRunState state, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(state);

        if (Timeline.Of(task.Schedule, state).After(after.UtcTicks) is not { } next)
        {
            return null;
        }

        var scheduledAt = new DateTimeOffset(next, TimeSpan.Zero);
        var maxJitter = task.Schedule.Jitter.Ticks;
        return maxJitter > 0
            ? Occurrence.Scheduled(scheduledAt, new DateTimeOffset(OccurrenceJitter.FireAt(OccurrenceJitter.HashOf(task.Id), next, maxJitter), TimeSpan.Zero))
            : Occurrence.Scheduled(scheduledAt, scheduledAt);
    }

    /// <summary>
    /// Up to <paramref name="count"/> consecutive occurrences after <paramref name="after"/>, as
    /// <see cref="NextAfter"/> would return them one by one. For previews ("the next five fires").
    /// </summary>
    public static IReadOnlyList<Occurrence> Upcoming(ScheduledTask task, TaskRunState state, DateTimeOffset after, int count)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        var occurrences = new List<Occurrence>(Math.Min(count, 64));
        var from = after;
        while (occurrences.Count < count && NextAfter(task, state, from) is { } next)
        {
            occurrences.Add(next);
            from = next.ScheduledAt;
        }

        return occurrences;
    }
}
