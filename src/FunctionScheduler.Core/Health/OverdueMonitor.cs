using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Notifications;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Health;

/// <summary>
/// The overdue check both runtimes run where they already look at every task (the Functions reconcile timer, the
/// standalone resync): applies <see cref="OverdueCheck.Decide"/> with a conditional write, counts each new episode
/// in <see cref="SchedulerMetrics.OverdueName"/>, and sends the failure action once per episode. It runs beside the
/// runtime's own writes (claims, records, user requests): each write is conditional on the version read and retried
/// from a fresh read, and none of the others drops a mark, so whichever lands first, both take effect.
/// </summary>
public sealed partial class OverdueMonitor(
    ITaskStore store,
    FailureNotifier notifier,
    SchedulerMetrics metrics,
    TimeProvider time,
    ILogger<OverdueMonitor> logger)
{
    // A task that fires many times a second can keep winning the race for its row; the next check tries again.
    private const int MaxConflictRetries = 5;

    // Checks of one page run side by side: a page with many overdue tasks waits on their notifications, and a
    // dispatcher hands the page on only after its check.
    private const int MaxParallelChecks = 16;

    /// <summary>
    /// Checks <paramref name="tasks"/> (a few at a time) and returns each as stored afterwards, in the same order (a
    /// task deleted meanwhile is left out). A task whose check fails (storage unreachable) is logged and returned as
    /// it was read: one task must not stop the check of the others, and the next check tries it again. A task with
    /// nothing to write costs no I/O.
    /// </summary>
    public async Task<IReadOnlyList<StoredTask>> CheckAsync(IReadOnlyList<StoredTask> tasks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var checkedTasks = new StoredTask?[tasks.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelChecks, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, tasks.Count, options, async (i, token) =>
        {
            try
            {
                checkedTasks[i] = await CheckAsync(tasks[i], token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCheckFailed(ex, tasks[i].Id);
                checkedTasks[i] = tasks[i];
            }
        });
        return [.. checkedTasks.OfType<StoredTask>()];
    }

    /// <summary>
    /// Checks one task: marks it overdue (and notifies), takes over a notification whose sender stopped, or clears a
    /// mark nothing justifies any more. Returns the task as stored afterwards; null when it was deleted meanwhile.
    /// </summary>
    public async Task<StoredTask?> CheckAsync(StoredTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        for (var attempt = 1; ; attempt++)
        {
            var next = OverdueCheck.Decide(task.Definition, task.State, time.GetUtcNow());
            if (next == task.State)
            {
                return task;
            }

            try
            {
                var stored = await store.UpdateStateAsync(task, next, cancellationToken);
                if (task.State.Overdue is null && next.Overdue is { } mark)
                {
                    metrics.RecordOverdue();
                    LogOverdue(task.Id, mark.Occurrence.ScheduledAt, mark.Since, mark.DetectedAt);
                }
                else if (next.Overdue is null)
                {
                    LogCleared(task.Id);
                }

                return OverdueCheck.HoldsNotification(task.State, next) ? await NotifyAsync(stored, cancellationToken) : stored;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                if (await store.GetAsync(task.Group, task.Id, cancellationToken) is not { } reread)
                {
                    return null;
                }

                task = reread;
            }
        }
    }

    private async Task<StoredTask?> NotifyAsync(StoredTask task, CancellationToken cancellationToken)
    {
        var outcome = await notifier.OverdueAsync(task.Definition, task.State, task.State.Overdue!, cancellationToken);
        LogNotified(task.Id, outcome.Id, outcome.Status, outcome.HttpStatus);
        for (var attempt = 1; ; attempt++)
        {
            // Kept only on the episode it is about: one that ended meanwhile (the task ran) has nothing to show it on.
            if (task.State.Overdue is not { Notification: { Status: NotificationStatus.Pending } pending } mark || pending.Id != outcome.Id)
            {
                return task;
            }

            try
            {
                return await store.UpdateStateAsync(task, task.State with { Overdue = mark with { Notification = outcome, NotifyingUntil = null } }, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                if (await store.GetAsync(task.Group, task.Id, cancellationToken) is not { } reread)
                {
                    return null;
                }

                task = reread;
            }
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Task {TaskId}: overdue since {Since}: the occurrence scheduled at {ScheduledAt} has no recorded run (noticed at {DetectedAt})")]
    private partial void LogOverdue(string taskId, DateTimeOffset scheduledAt, DateTimeOffset since, DateTimeOffset detectedAt);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Task {TaskId}: no longer overdue")]
    private partial void LogCleared(string taskId);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "Task {TaskId}: overdue notification {NotificationId} {Status} (HTTP {HttpStatus})")]
    private partial void LogNotified(string taskId, string notificationId, NotificationStatus status, int? httpStatus);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Error, Message = "Task {TaskId}: the overdue check failed; the next check tries again")]
    private partial void LogCheckFailed(Exception exception, string taskId);
}
