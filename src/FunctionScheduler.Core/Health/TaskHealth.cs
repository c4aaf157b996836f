using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;

namespace FunctionScheduler.Core.Health;

/// <summary>What recording a run does to a task's health: pure, the one step both runtimes take after a run.</summary>
public static class TaskHealth
{
    /// <summary>
    /// The state once <paramref name="run"/> is recorded: the run's bookkeeping (<see cref="RunBookkeeping.Recorded"/>),
    /// then, when it is a failure newly counted that makes <see cref="ScheduledTask.AutoPauseAfter"/> consecutive
    /// failures, the task paused for it (through the transition table), then the overdue mark settled. A backfilled
    /// run never pauses the task (<see cref="RunStatistics.CountsForHealth"/>): a backfill goes on in any lifecycle,
    /// so pausing for it would stop the schedule and not the backfill. Returns
    /// <paramref name="state"/> itself when nothing changes, so recording a run twice is harmless.
    /// </summary>
    public static TaskRunState AfterRecorded(ScheduledTask task, TaskRunState state, RunRecord run, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(run);
        var next = RunBookkeeping.Recorded(state, run);
        var counted = !ReferenceEquals(next.RunStats, state.RunStats);
        if (counted && run.Status == RunStatus.Failed && run.Occurrence.Kind != OccurrenceKind.Backfill && ShouldPause(task, next)
            && TaskTransitions.Apply(next, TaskCommand.AutoPause, now) is { } paused)
        {
            next = paused;
        }

        return OverdueCheck.Settle(task, next, now);
    }

    /// <summary>Whether <paramref name="state"/>'s failure streak has reached the task's auto-pause limit.</summary>
    public static bool ShouldPause(ScheduledTask task, TaskRunState state)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(state);
        return task.AutoPauseAfter is { } limit && state.RunStats.ConsecutiveFailures >= limit;
    }
}
