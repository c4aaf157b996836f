using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// The one place that decides when a task fires. Pure: definition, state and "now" in, a decision out; no clock,
/// no I/O, no randomness. Both runtimes call it. docs/semantics-planning.md is its specification.
/// </summary>
public static class TaskPlanner
{
    /// <summary>Plans <paramref name="task"/> at <paramref name="now"/> for <paramref name="claim"/>.</summary>
    /// <param name="task">A validated definition.</param>
    /// <param name="state">The task's state as read, to be replaced by the decision's next state on the same version.</param>
    /// <param name="now">The caller's current instant (its TimeProvider, or the orchestration's replay-safe clock).</param>
    /// <param name="claim">Who claims the due occurrences, and for how long.</param>
    public static PlanDecision Plan(ScheduledTask task, TaskRunState state, DateTimeOffset now, ClaimRequest claim)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(claim);

        var due = new DueList();

        // 1. Claims to take over: our own (a retried activity re-runs its claim), lapsed ones (a lease run out, or a
        //    claim handed back) and those of claimants known to be gone. They fire again whatever the misfire policy
        //    says: at least once, and receivers deduplicate by run id, so they keep the generation they were claimed
        //    in, and with it their run id, across a replace.
        var kept = new List<ClaimedOccurrence>();
        DateTimeOffset? earliestExpiry = null;
        foreach (var claimed in state.InFlight)
        {
            if (claimed.ClaimedBy == claim.Claimant || claimed.ExpiresAt <= now || claim.DeadClaimants.Contains(claimed.ClaimedBy))
            {
                due.TryAdd(claimed.Occurrence, claimed.Generation);
            }
            else
            {
                kept.Add(claimed);
                due.Reserve(claimed.Occurrence, claimed.Generation);
                earliestExpiry = Min(earliestExpiry, claimed.ExpiresAt);
            }
        }

        // 2. Run-now requests, in any lifecycle.
        foreach (var requestedAt in state.RunRequests)
        {
            due.TryAdd(Occurrence.Manual(requestedAt), state.Generation);
        }

        // 3. The schedule, only while active.
        var scan = state.Lifecycle == TaskLifecycle.Active ? ScheduledScan.Run(task, state, now) : ScanResult.Nothing;
        foreach (var occurrence in scan.Fired)
        {
            due.TryAdd(occurrence, state.Generation);
        }

        // 4. A backfill's next occurrence, in any lifecycle (BackfillPlanning).
        var backfill = BackfillPlanning.Plan(task, state, now, due);

        return new PlanDecision
        {
            Due = due.Occurrences,
            Missed = scan.Missed,
            Next = scan.Next,
            Completion = scan.Completion,
            WakeAt = Min(Min(scan.Next?.FireAt, earliestExpiry), backfill.WakeAt),
            NextState = NextState(state with { Backfill = backfill.State }, now, claim, scan, due, kept),
        };
    }

    private static TaskRunState NextState(
        TaskRunState state,
        DateTimeOffset now,
        ClaimRequest claim,
        ScanResult scan,
        DueList due,
        List<ClaimedOccurrence> kept)
    {
        var completed = scan.Completion is not null;

        // Lists are reused when nothing changed, so that a plan with nothing due yields a state equal to the one
        // read (record equality compares lists by reference).
        var expiresAt = Saturating.Add(now, claim.Lease);
        var inFlight = due.Occurrences.Count == 0 && kept.Count == state.InFlight.Count
            ? state.InFlight
            : [.. kept, .. due.Occurrences.Select((o, i) => new ClaimedOccurrence(o, claim.Claimant, expiresAt, due.Generations[i]))];

        return state with
        {
            Cursor = scan.Handled is { } handled && (state.Cursor is not { } cursor || handled > cursor) ? handled : state.Cursor,
            FireCount = state.FireCount + scan.Fired.Count,
            NextFireAt = scan.Next?.FireAt,
            Lifecycle = completed ? TaskLifecycle.Completed : state.Lifecycle,
            Completion = completed ? scan.Completion : state.Completion,
            RunRequests = state.RunRequests.Count == 0 ? state.RunRequests : [],
            InFlight = inFlight,
        };
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
