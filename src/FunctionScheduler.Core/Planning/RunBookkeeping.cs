using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>What a runtime does to a task's state after it has recorded a run. Pure, like the planner.</summary>
public static class RunBookkeeping
{
    /// <summary>
    /// The state once <paramref name="run"/> is recorded: its occurrence of its generation leaves
    /// <see cref="TaskRunState.InFlight"/> (whoever claimed it; the same instant claimed in another generation stays)
    /// and is counted in <see cref="TaskRunState.RunStats"/>, and it becomes <see cref="TaskRunState.LastRun"/> unless
    /// the current last run is of a later occurrence (runs can finish out of order). Returns <paramref name="state"/>
    /// itself when nothing changes, so recording the same run twice is harmless: the second time its occurrence is no
    /// longer in flight and is not counted again.
    /// </summary>
    public static TaskRunState Recorded(TaskRunState state, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(run);

        var inFlight = state.InFlight;
        var stats = state.RunStats;
        if (state.InFlight.Any(claimed => IsSame(claimed, run)))
        {
            inFlight = [.. state.InFlight.Where(claimed => !IsSame(claimed, run))];
            stats = stats.With(new RecentRun(run.Occurrence.ScheduledAt, run.Occurrence.Kind, run.Status, run.HttpStatus, run.Duration), run.CompletedAt);
        }

        var lastRun = state.LastRun;
        if (lastRun is null || run.Occurrence.ScheduledAt >= lastRun.ScheduledAt)
        {
            lastRun = new LastRunSummary(run.RunId, run.Occurrence.ScheduledAt, run.Status, run.HttpStatus, run.CompletedAt) { Duration = run.Duration };
        }

        return ReferenceEquals(inFlight, state.InFlight) && lastRun == state.LastRun
            ? state
            : state with { InFlight = inFlight, LastRun = lastRun, RunStats = stats };
    }

    /// <summary>
    /// The state with the misfire policy's skipped occurrences counted as one missed record (the run log gets one
    /// row for them too), stored with the claim that skips them.
    /// </summary>
    public static TaskRunState Skipped(TaskRunState state, MissedRange missed)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(missed);
        return state with
        {
            RunStats = state.RunStats.With(new RecentRun(missed.Last, OccurrenceKind.Scheduled, RunStatus.Missed, null, null)),
        };
    }

    // Same nominal instant, kind and generation: what the run id is made of. FireAt is derived and not compared.
    private static bool IsSame(ClaimedOccurrence claimed, RunRecord run) =>
        claimed.Occurrence.Kind == run.Occurrence.Kind
        && claimed.Occurrence.ScheduledAt.UtcTicks == run.Occurrence.ScheduledAt.UtcTicks
        && claimed.Generation == run.Generation;
}
