using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>The first scheduled occurrence a task still owes: the planner's next one, whether due yet or not.</summary>
internal static class UnhandledOccurrence
{
    /// <summary>
    /// The earliest occurrence of the current generation after the cursor (neither fired nor skipped), with its
    /// jitter; null when the schedule has none left (ended, or max runs reached). The lifecycle is the caller's.
    /// </summary>
    public static Occurrence? First(ScheduledTask task, TaskRunState state)
    {
        var schedule = task.Schedule;
        if (schedule.MaxRuns is { } maxRuns && state.FireCount >= maxRuns)
        {
            return null;
        }

        if (Timeline.Of(schedule, state).AtOrAfter(long.MinValue) is not { } at)
        {
            return null;
        }

        var fireAt = OccurrenceJitter.FireAt(OccurrenceJitter.HashOf(task.Id), at, Math.Max(0, schedule.Jitter.Ticks));
        return Occurrence.Scheduled(new DateTimeOffset(at, TimeSpan.Zero), new DateTimeOffset(fireAt, TimeSpan.Zero));
    }
}
