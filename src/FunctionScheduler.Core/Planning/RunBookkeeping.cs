using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>What a runtime does to a task's state after it has recorded a run. Pure, like the planner.</summary>
public static class RunBookkeeping
{
    /// <summary>
    /// The state once <paramref name="run"/> is recorded: its occurrence leaves <see cref="TaskRunState.InFlight"/>
    /// (whoever claimed it), and it becomes <see cref="TaskRunState.LastRun"/> unless the current last run is of a
    /// later occurrence (runs can finish out of order). Returns <paramref name="state"/> itself when nothing changes,
    /// so recording the same run twice is harmless.
    /// </summary>
    public static TaskRunState Recorded(TaskRunState state, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(run);

        var inFlight = state.InFlight;
        if (state.InFlight.Any(claimed => IsSame(claimed.Occurrence, run.Occurrence)))
        {
            inFlight = [.. state.InFlight.Where(claimed => !IsSame(claimed.Occurrence, run.Occurrence))];
        }

        var lastRun = state.LastRun;
        if (lastRun is null || run.Occurrence.ScheduledAt >= lastRun.ScheduledAt)
        {
            lastRun = new LastRunSummary(run.RunId, run.Occurrence.ScheduledAt, run.Status, run.HttpStatus, run.CompletedAt);
        }

        return ReferenceEquals(inFlight, state.InFlight) && lastRun == state.LastRun
            ? state
            : state with { InFlight = inFlight, LastRun = lastRun };
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

    // Same nominal instant and kind: the pair the run id is made of. FireAt is derived and not compared.
    private static bool IsSame(Occurrence a, Occurrence b) =>
        a.Kind == b.Kind && a.ScheduledAt.UtcTicks == b.ScheduledAt.UtcTicks;
}
