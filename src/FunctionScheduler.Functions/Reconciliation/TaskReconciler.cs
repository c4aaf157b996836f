using FunctionScheduler.Core.Health;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Functions.Durable;
using FunctionScheduler.Functions.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Functions.Reconciliation;

/// <summary>
/// Brings the orchestrations back in line with the index, which is the truth. Events can be lost around
/// continue-as-new, a start can fail after the task was stored, an instance can fail or be terminated by hand;
/// none of that is fatal because this runs on a timer and repairs it:
/// a task that should be running gets an instance, an instance that sleeps past its task's due time is woken,
/// an instance whose task is gone is terminated and purged, and an instance of a retired orchestrator is replaced.
/// Each task first goes through the overdue check (<see cref="OverdueMonitor"/>): a stuck or lost orchestration
/// leaves its due occurrence unrecorded, which this timer is the place to notice.
/// </summary>
public sealed partial class TaskReconciler(
    ITaskStore store, TasksApiFactory apis, OverdueMonitor overdue, TimeProvider time, ILogger<TaskReconciler> logger)
{
    /// <summary>
    /// How late a due fire, run-now or lapsed claim may be before a running instance is woken. Larger than the
    /// queue polling interval and an activity's normal run time, so a healthy instance is never poked.
    /// </summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromMinutes(2);

    private const int TaskPageSize = 500;

    public async Task<ReconcileSummary> RunAsync(DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var orchestrations = apis.Orchestrations(client);
        var summary = new ReconcileSummary();
        var instances = await ListInstancesAsync(client, cancellationToken);
        summary.CountInstances(instances.Count);

        var now = time.GetUtcNow();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<Exception>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(new TaskQuery(PageSize: TaskPageSize, ContinuationToken: token), cancellationToken);
            foreach (var task in page.Items)
            {
                var instanceId = TaskInstance.IdFor(task.Id);
                seen.Add(instanceId);
                summary.CountTask();
                await IsolatedAsync(task.Id, failures, async () =>
                {
                    if (await overdue.CheckAsync(task, cancellationToken) is not { } current)
                    {
                        return;
                    }

                    summary.CountOverdue(current.State.Overdue is not null);
                    summary.Count(await ReconcileTaskAsync(orchestrations, current, instances.GetValueOrDefault(instanceId), now, cancellationToken));
                });
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        foreach (var orphan in instances.Values.Where(i => !seen.Contains(i.InstanceId)))
        {
            await IsolatedAsync(orphan.InstanceId, failures, async () =>
                summary.Count(await EndOrphanAsync(orchestrations, orphan, cancellationToken)));
        }

        LogSummary(summary.Tasks, summary.Instances, summary.Started, summary.Woken, summary.Retired, summary.Ended, summary.Overdue);
        return failures.Count == 0
            ? summary
            : throw new AggregateException($"Reconcile could not repair {failures.Count} tasks or orchestrations; every other one was reconciled.", failures);
    }

    /// <summary>Whether a task needs an instance: it is active, or work is pending in any lifecycle (run-now, a claim, a backfill).</summary>
    public static bool NeedsInstance(TaskRunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Lifecycle == TaskLifecycle.Active || state.RunRequests.Count > 0 || state.InFlight.Count > 0
            || state.Backfill is { Status: BackfillStatus.Running };
    }

    /// <summary>Whether something the task's instance should have done by now is still undone.</summary>
    public static bool IsOverdue(TaskRunState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var limit = now - OverdueAfter;
        return state.NextFireAt < limit
            || state.RunRequests.Any(requestedAt => requestedAt < limit)
            || state.InFlight.Any(claim => claim.ExpiresAt < limit)

            // A running backfill with nothing claimed waits for a pass that should have come at once. (Right after a
            // record and before the next claim this also holds: the wake that follows is harmless.)
            || (state.Backfill is { Status: BackfillStatus.Running } backfill && backfill.RequestedAt < limit
                && !state.InFlight.Any(claim => claim.Occurrence.Kind == OccurrenceKind.Backfill));
    }

    // One task the reconcile cannot repair must not keep it from the tasks after it: the error is logged and the
    // run goes on, then fails as a whole (so the invocation shows as failed) with every error it met.
    private async Task IsolatedAsync(string subject, List<Exception> failures, Func<Task> reconcile)
    {
        try
        {
            await reconcile();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, subject);
            failures.Add(ex);
        }
    }

    private async Task<ReconcileAction> ReconcileTaskAsync(
        TaskOrchestrations orchestrations, StoredTask task, OrchestrationMetadata? instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var needed = NeedsInstance(task.State);
        if (!TaskInstance.IsActive(instance))
        {
            if (!needed)
            {
                return ReconcileAction.None;
            }

            // The listing is a snapshot; start-or-wake reads the instance again, so a start made by the API since
            // then is woken rather than doubled.
            var done = await orchestrations.StartOrWakeAsync(task.Group, task.Id, "reconcile: no active instance", cancellationToken);
            LogRepaired(task.Id, instance?.RuntimeStatus, done);
            return done == TaskOrchestrations.StartOrWake.Started ? ReconcileAction.Started : ReconcileAction.Woken;
        }

        if (instance!.RuntimeStatus == OrchestrationRuntimeStatus.Suspended)
        {
            // An operator suspended it on purpose; resuming is theirs to do.
            return ReconcileAction.None;
        }

        if (!string.Equals(instance.Name, TaskOrchestrator.Name, StringComparison.Ordinal))
        {
            await orchestrations.TerminateAsync(task.Id, $"reconcile: orchestrator '{instance.Name}' is replaced by '{TaskOrchestrator.Name}'", cancellationToken);
            return ReconcileAction.Retired;
        }

        if (IsOverdue(task.State, now) || !needed)
        {
            // Overdue: its event or timer was lost. Not needed: a lost "paused" wake-up; woken, it finds nothing and ends.
            await orchestrations.WakeIfActiveAsync(task.Id, needed ? "reconcile: overdue" : "reconcile: nothing planned", cancellationToken);
            return ReconcileAction.Woken;
        }

        return ReconcileAction.None;
    }

    private async Task<ReconcileAction> EndOrphanAsync(TaskOrchestrations orchestrations, OrchestrationMetadata instance, CancellationToken cancellationToken)
    {
        // Read the task again: it may have been created after the listing.
        if (!TaskInstance.TryGetTaskId(instance.InstanceId, out var taskId) || await store.GetAsync(taskId, cancellationToken) is not null)
        {
            return ReconcileAction.None;
        }

        await orchestrations.EndAsync(taskId, "reconcile: task deleted", cancellationToken);
        return ReconcileAction.Ended;
    }

    // OrchestrationQuery's namespace moved between Microsoft.DurableTask and Microsoft.DurableTask.Client across
    // releases; both are imported so the real build compiles whichever the pinned package has.
    private static async Task<Dictionary<string, OrchestrationMetadata>> ListInstancesAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var instances = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
        var query = new OrchestrationQuery(InstanceIdPrefix: TaskInstance.Prefix, PageSize: OrchestrationQuery.DefaultPageSize);
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            instances[instance.InstanceId] = instance;
        }

        return instances;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Task {TaskId}: should be running but its orchestration was {Status} (empty: missing); {Action} it")]
    private partial void LogRepaired(string taskId, OrchestrationRuntimeStatus? status, TaskOrchestrations.StartOrWake action);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Reconcile: could not repair {Subject}; going on with the others")]
    private partial void LogFailed(Exception exception, string subject);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Reconcile: {Tasks} tasks, {Instances} orchestrations; started {Started}, woke {Woken}, retired {Retired}, ended {Ended}; {Overdue} overdue")]
    private partial void LogSummary(int tasks, int instances, int started, int woken, int retired, int ended, int overdue);
}
