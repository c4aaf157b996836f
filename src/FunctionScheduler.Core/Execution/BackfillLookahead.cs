using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Storage;

namespace FunctionScheduler.Core.Execution;

/// <summary>
/// Plans a task for a claim, making sure a backfill never claims an occurrence the run log already holds: when the
/// plan claims a backfill occurrence the log has not been asked about, one query asks about it and the next ones
/// (up to <see cref="Reach"/>, never into what the schedule will still fire itself), the answer goes into the
/// backfill's state, and the task is planned again. The planner stays pure; this is its one look at the log.
/// </summary>
internal static class BackfillLookahead
{
    /// <summary>Occurrences one query of the run log covers.</summary>
    public const int Reach = 100;

    // A window holds at most BackfillState.MaxOccurrences occurrences and every round covers at least one more.
    private const int MaxRounds = (BackfillState.MaxOccurrences / Reach) + 2;

    /// <summary>The planner's decision for <paramref name="task"/>, every backfill claim in it checked against the log.</summary>
    public static async Task<PlanDecision> PlanAsync(
        IRunLog runs, StoredTask task, DateTimeOffset now, ClaimRequest claim, CancellationToken cancellationToken)
    {
        var state = task.State;
        var decision = TaskPlanner.Plan(task.Definition, state, now, claim);
        for (var round = 0; FirstUnchecked(state, decision) is { } first; round++)
        {
            if (round == MaxRounds)
            {
                throw new InvalidOperationException($"Task '{task.Id}': the backfill did not settle in {MaxRounds} looks at the run log.");
            }

            var backfill = state.Backfill!;
            var through = BackfillPlanning.CheckThrough(task.Definition, state, backfill, first, Reach);
            var fired = await runs.ListFiredBetweenAsync(task.Id, first, through, cancellationToken);
            var found = fired
                .Where(run => run.Status == RunStatus.Succeeded || (run.Status == RunStatus.Failed && !backfill.RetryFailed))
                .Select(run => run.Occurrence.ScheduledAt)

                // In flight now, recorded soon: by the time the backfill reaches it, it may no longer show as in flight.
                .Concat(state.InFlight.Where(c => c.Occurrence.Kind != OccurrenceKind.Manual).Select(c => c.Occurrence.ScheduledAt))
                .Where(instant => instant >= first && instant <= through);
            state = state with
            {
                Backfill = backfill with
                {
                    CheckedThrough = through,
                    Recorded = [.. backfill.Recorded.Concat(found).Distinct().Order()],
                },
            };
            decision = TaskPlanner.Plan(task.Definition, state, now, claim);
        }

        return decision;
    }

    // The earliest backfill occurrence the decision newly claims beyond what the log was asked about.
    private static DateTimeOffset? FirstUnchecked(TaskRunState state, PlanDecision decision)
    {
        if (state.Backfill is not { } backfill)
        {
            return null;
        }

        var takenOver = state.InFlight
            .Where(c => c.Occurrence.Kind == OccurrenceKind.Backfill)
            .Select(c => c.Occurrence.ScheduledAt.UtcTicks)
            .ToHashSet();
        return decision.Due
            .Where(o => o.Kind == OccurrenceKind.Backfill && !takenOver.Contains(o.ScheduledAt.UtcTicks))
            .Where(o => backfill.CheckedThrough is not { } checkedThrough || o.ScheduledAt > checkedThrough)
            .Select(o => (DateTimeOffset?)o.ScheduledAt)
            .Min();
    }
}
