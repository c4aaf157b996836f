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

    /// <summary>
    /// The state once a stopping runtime hands back <paramref name="unstarted"/>, claims it made and did not start:
    /// they lapse at <paramref name="now"/>, so whoever plans the task next takes them over at once. A claim that is
    /// no longer in flight as handed back (recorded, or taken over meanwhile) is left alone. Returns
    /// <paramref name="state"/> itself when nothing changes.
    /// </summary>
    public static TaskRunState HandedBack(TaskRunState state, IEnumerable<ClaimedOccurrence> unstarted, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(unstarted);
        var handedBack = unstarted.ToList();
        bool Releases(ClaimedOccurrence claimed) => claimed.ExpiresAt > now && handedBack.Any(h => IsSameClaim(h, claimed));

        return state.InFlight.Any(Releases)
            ? state with { InFlight = [.. state.InFlight.Select(c => Releases(c) ? c with { ExpiresAt = now } : c)] }
            : state;
    }

    // The same claimant's claim of the same occurrence (instant and kind) in the same generation.
    private static bool IsSameClaim(ClaimedOccurrence a, ClaimedOccurrence b) =>
        a.ClaimedBy == b.ClaimedBy
        && a.Generation == b.Generation
        && a.Occurrence.Kind == b.Occurrence.Kind
        && a.Occurrence.ScheduledAt.UtcTicks == b.Occurrence.ScheduledAt.UtcTicks;

    // Same nominal instant, kind and generation: what the run id is made of. FireAt is derived and not compared.
    private static bool IsSame(ClaimedOccurrence claimed, RunRecord run) =>
        claimed.Occurrence.Kind == run.Occurrence.Kind
        && claimed.Occurrence.ScheduledAt.UtcTicks == run.Occurrence.ScheduledAt.UtcTicks
        && claimed.Generation == run.Generation;
}
