using FunctionScheduler.Core.Health;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Notifications;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Execution;

/// <summary>
/// Fires tasks: claims due occurrences with one conditional write, invokes each target, records the run and
/// clears the claim. Both runtimes use it: the standalone dispatcher calls RunDueAsync; the Functions
/// orchestration calls ClaimDueAsync and FireAsync from separate activities.
/// Every step is idempotent per occurrence, so a retried or replayed step never records twice, and a fire that
/// may have happened already is looked up before the target is called again. On the hot path a fire costs three
/// storage writes: the claim, the run record and the claim's clearing. A run that failed after all its retries, of
/// a task with a failure action, is recorded with its notification pending, notified, and recorded again with the
/// outcome before its claim is cleared: a takeover that finds the notification still pending sends it (same id).
/// </summary>
public sealed partial class TaskExecutor(
    ITaskStore store,
    IRunLog runs,
    ITargetInvoker invoker,
    FailureNotifier notifier,
    TimeProvider time,
    SchedulerMetrics metrics,
    ILogger<TaskExecutor> logger)
{
    // A stale version means a user or another runtime wrote in between; re-reading and re-planning is always
    // safe because the planner works from the stored state. Bounded so a hot task cannot spin a caller.
    private const int MaxConflictRetries = 5;

    /// <summary>Claims and fires everything due for one task now; returns the claim with the task's next wake time.</summary>
    /// <param name="known">The task as last read or written by the caller; re-read only on a version conflict.</param>
    public Task<ClaimOutcome> RunDueAsync(StoredTask known, ClaimRequest claim, CancellationToken cancellationToken = default) =>
        RunDueAsync(known, claim, gate: null, cancellationToken);

    /// <summary>
    /// Claims and fires everything due for one task now, passing <paramref name="gate"/> before the claim and before
    /// each invocation: once it is closed, nothing is claimed, and claimed occurrences not yet started are handed
    /// back with one conditional write.
    /// </summary>
    /// <param name="known">The task as last read or written by the caller; re-read only on a version conflict.</param>
    public async Task<ClaimOutcome> RunDueAsync(StoredTask known, ClaimRequest claim, FireGate? gate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (gate is not null && !gate.TryEnter())
        {
            return ClaimOutcome.NotClaimed(known);
        }

        var deciding = gate is not null;
        try
        {
            var outcome = await ClaimDueAsync(known, claim, cancellationToken);
            var task = outcome.Task;
            for (var i = 0; i < outcome.Claimed.Count && task is { } current; i++)
            {
                if (gate is { IsClosed: true })
                {
                    task = await HandBackAsync(current, [.. outcome.Claimed.Skip(i)], cancellationToken);
                    break;
                }

                if (deciding)
                {
                    // Invoking from here on: a closing gate no longer waits for this fire.
                    gate!.Leave();
                    deciding = false;
                }

                var occurrence = outcome.Claimed[i];
                var mayBeRecorded = outcome.Takeovers.Contains((occurrence.Occurrence, occurrence.Generation));
                (task, _) = await FireAsync(current, occurrence, mayBeRecorded, cancellationToken);
            }

            return outcome with { Task = task };
        }
        finally
        {
            if (deciding)
            {
                gate!.Leave();
            }
        }
    }

    /// <summary>Reads the task, then claims as <see cref="ClaimDueAsync(StoredTask, ClaimRequest, CancellationToken)"/>.</summary>
    public async Task<ClaimOutcome> ClaimDueAsync(string group, string taskId, ClaimRequest claim, CancellationToken cancellationToken = default)
    {
        var task = await store.GetAsync(group, taskId, cancellationToken);
        return task is null ? ClaimOutcome.Gone : await ClaimDueAsync(task, claim, cancellationToken);
    }

    /// <summary>
    /// Plans the task at the current time and stores the planner's next state, conditionally on the version of
    /// <paramref name="task"/>; on a conflict it re-reads and plans again. The occurrences in
    /// <see cref="ClaimOutcome.Claimed"/> then belong to <paramref name="claim"/>'s claimant.
    /// </summary>
    public async Task<ClaimOutcome> ClaimDueAsync(StoredTask task, ClaimRequest claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(claim);
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var decision = await BackfillLookahead.PlanAsync(runs, task, now, claim, cancellationToken);
            if (decision.NextState == task.State)
            {
                return new ClaimOutcome(task, decision, [], new HashSet<(Occurrence, long)>());
            }

            try
            {
                var next = decision.Missed is { } skipped ? RunBookkeeping.Skipped(decision.NextState, skipped) : decision.NextState;
                next = OverdueCheck.Settle(task.Definition, next, now);
                var stored = await store.UpdateStateAsync(task, next, cancellationToken);
                if (decision.Missed is { } missed)
                {
                    await RecordMissedAsync(task, missed, now, cancellationToken);
                }

                var due = decision.Due.ToHashSet();
                var claimed = decision.NextState.InFlight
                    .Where(c => c.ClaimedBy == claim.Claimant && due.Contains(c.Occurrence))
                    .ToList();
                var before = task.State.InFlight.Select(c => (c.Occurrence, c.Generation)).ToHashSet();
                var takeovers = claimed.Select(c => (c.Occurrence, c.Generation)).Where(before.Contains).ToHashSet();
                return new ClaimOutcome(stored, decision, claimed, takeovers);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                LogClaimConflict(task.Id, attempt);
                var reread = await store.GetAsync(task.Group, task.Id, cancellationToken);
                if (reread is null)
                {
                    return ClaimOutcome.Gone;
                }

                task = reread;
            }
        }
    }

    /// <summary>
    /// Fires one claimed occurrence, records it and clears its claim. When <paramref name="mayBeRecorded"/> is set
    /// (a takeover, or a retried activity) and the run is already recorded, the target is not called again.
    /// Returns the task as stored afterwards (null if it was deleted meanwhile) and the run.
    /// </summary>
    public async Task<(StoredTask? Task, RunRecord Run)> FireAsync(
        StoredTask task,
        ClaimedOccurrence claimed,
        bool mayBeRecorded,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(claimed);
        var recorded = mayBeRecorded ? await runs.GetAsync(task.Id, claimed.Occurrence, claimed.Generation, cancellationToken) : null;
        var run = recorded ?? await InvokeAndRecordAsync(task, claimed, cancellationToken);
        if (run.Notification is { Status: NotificationStatus.Pending })
        {
            run = await NotifyAsync(task, run, cancellationToken);
        }

        var after = await ClearClaimAsync(task, run, cancellationToken);
        return (after, run);
    }

    /// <summary>Reads the task and fires as <see cref="FireAsync(StoredTask, ClaimedOccurrence, bool, CancellationToken)"/>, checking the run log first.</summary>
    public async Task<RunRecord?> FireAsync(string group, string taskId, ClaimedOccurrence claimed, CancellationToken cancellationToken = default)
    {
        var task = await store.GetAsync(group, taskId, cancellationToken);
        return task is null ? null : (await FireAsync(task, claimed, mayBeRecorded: true, cancellationToken)).Run;
    }

    private async Task<RunRecord> InvokeAndRecordAsync(StoredTask task, ClaimedOccurrence claimed, CancellationToken cancellationToken)
    {
        var occurrence = claimed.Occurrence;
        var runId = RunId.For(task.Id, occurrence, claimed.Generation);
        using var fire = SchedulerTelemetry.StartFire(task.Id, runId, occurrence);
        metrics.RecordFireLateness(occurrence, time.GetUtcNow());

        var result = await invoker.InvokeAsync(new TargetInvocation(task.Id, runId, occurrence, task.Definition.Target), cancellationToken);
        var run = new RunRecord
        {
            TaskId = task.Id,
            RunId = runId,
            Occurrence = occurrence,
            Generation = claimed.Generation,
            Status = result.Status,
            StartedAt = result.StartedAt,
            CompletedAt = result.CompletedAt,
            Attempts = result.Attempts,
            HttpStatus = result.HttpStatus,
            Duration = result.Duration,
            ErrorClass = result.ErrorClass,
            Error = result.Error,
            ResponseSnippet = result.ResponseSnippet,
            SigningKeyIds = result.SigningKeyIds.Count > 0 ? result.SigningKeyIds : null,

            // Cancelled runs are the host stopping, not the target failing: nobody is told.
            Notification = result.Status == RunStatus.Failed && result.ErrorClass != RunErrorClass.Canceled && task.Definition.FailureAction is not null
                ? new NotificationOutcome(NotificationIds.RunFailed(runId), NotificationStatus.Pending)
                : null,
        };
        await runs.RecordAsync(run, cancellationToken);
        LogFired(task.Id, runId, run.Status, run.HttpStatus, run.Attempts);
        return run;
    }

    private Task<StoredTask?> ClearClaimAsync(StoredTask task, RunRecord run, CancellationToken cancellationToken) =>
        UpdateStateAsync(task, (definition, state) => TaskHealth.AfterRecorded(definition, state, run, time.GetUtcNow()), cancellationToken);

    private async Task<StoredTask?> HandBackAsync(StoredTask task, List<ClaimedOccurrence> unstarted, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var after = await UpdateStateAsync(task, (_, state) => RunBookkeeping.HandedBack(state, unstarted, now), cancellationToken);
        LogHandedBack(task.Id, unstarted.Count);
        return after;
    }

    // Writes what change makes of the stored state (given the definition it belongs to), re-reading on a version
    // conflict (a user or another runtime wrote in between). Returns the task as stored afterwards, or null when it
    // was deleted meanwhile.
    private async Task<StoredTask?> UpdateStateAsync(
        StoredTask task, Func<ScheduledTask, TaskRunState, TaskRunState> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var next = change(task.Definition, task.State);
            if (next == task.State)
            {
                return task;
            }

            try
            {
                var stored = await store.UpdateStateAsync(task, next, cancellationToken);
                if (next.Lifecycle != task.State.Lifecycle && next.PausedReason == PausedReason.ConsecutiveFailures)
                {
                    LogAutoPaused(task.Id, next.RunStats.ConsecutiveFailures);
                }

                return stored;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                LogClaimConflict(task.Id, attempt);
                var reread = await store.GetAsync(task.Group, task.Id, cancellationToken);
                if (reread is null)
                {
                    return null;
                }

                task = reread;
            }
        }
    }

    private async Task RecordMissedAsync(StoredTask task, MissedRange missed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = Occurrence.Scheduled(missed.Last, missed.Last);
        var run = new RunRecord
        {
            TaskId = task.Id,
            RunId = RunId.For(task.Id, last, task.State.Generation),
            Occurrence = last,
            Generation = task.State.Generation,
            Status = RunStatus.Missed,
            CompletedAt = now,
            MissedCount = missed.Count,
            MissedFrom = missed.First,
        };
        await runs.RecordAsync(run, cancellationToken);
        metrics.RecordMissed(missed.Count);
        LogMissed(task.Id, missed.Count, missed.First, missed.Last);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Task {TaskId}: version conflict on attempt {Attempt}; re-reading")]
    private partial void LogClaimConflict(string taskId, int attempt);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Task {TaskId}: run {RunId} {Status} (HTTP {HttpStatus}, {Attempts} attempts)")]
    private partial void LogFired(string taskId, string runId, RunStatus status, int? httpStatus, int attempts);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Task {TaskId}: misfire policy skipped {Count} occurrences from {First} to {Last}")]
    private partial void LogMissed(string taskId, int count, DateTimeOffset first, DateTimeOffset last);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Task {TaskId}: stopping; handed back {Count} claimed occurrences not yet started")]
    private partial void LogHandedBack(string taskId, int count);
}
