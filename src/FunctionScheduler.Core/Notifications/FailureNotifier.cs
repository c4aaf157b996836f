using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Telemetry;

namespace FunctionScheduler.Core.Notifications;

/// <summary>
/// Sends a task's failure action: a JSON <see cref="FailureNotification"/> POSTed through the same
/// <see cref="ITargetInvoker"/> as every run, so it is signed, guarded, retried and redacted exactly like a target
/// call (and follows the signing keys wherever they go), with the notification id as the signed run id. Never throws
/// for the receiver's failure: the outcome comes back to be recorded.
/// </summary>
public sealed class FailureNotifier(ITargetInvoker invoker, SchedulerMetrics metrics, TimeProvider time)
{
    /// <summary>
    /// Notifies that <paramref name="run"/> failed after all its retries; <paramref name="after"/> is the task's state
    /// once the run is counted (its lifecycle says whether the failure paused it).
    /// </summary>
    public Task<NotificationOutcome> RunFailedAsync(ScheduledTask task, RunRecord run, TaskRunState after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(after);
        var id = NotificationIds.RunFailed(run.RunId);
        var payload = Payload(task, after, NotificationEvent.RunFailed, id) with
        {
            Run = RunRepresentation.From(run with { Notification = null }),
        };
        return SendAsync(task, id, run.Occurrence, payload, cancellationToken);
    }

    /// <summary>Notifies that the task is overdue, as <paramref name="mark"/> (the mark in <paramref name="state"/>) says.</summary>
    public Task<NotificationOutcome> OverdueAsync(ScheduledTask task, TaskRunState state, OverdueMark mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(mark);
        var id = NotificationIds.Overdue(task.Id, mark);
        var payload = Payload(task, state, NotificationEvent.Overdue, id) with
        {
            Overdue = OverdueRepresentation.From(task.Id, mark) with { Notification = null },
        };
        return SendAsync(task, id, mark.Occurrence, payload, cancellationToken);
    }

    private static FailureNotification Payload(ScheduledTask task, TaskRunState state, NotificationEvent notificationEvent, string id) => new()
    {
        Event = notificationEvent,
        NotificationId = id,
        TaskId = task.Id,
        Group = task.Group,
        Name = task.Name,
        Lifecycle = state.Lifecycle,
        PausedReason = state.Lifecycle == TaskLifecycle.Paused ? state.PausedReason : null,
        ConsecutiveFailures = state.RunStats.ConsecutiveFailures,
    };

    private async Task<NotificationOutcome> SendAsync(
        ScheduledTask task, string id, Occurrence occurrence, FailureNotification payload, CancellationToken cancellationToken)
    {
        var action = task.FailureAction ?? throw new InvalidOperationException($"Task '{task.Id}' has no failure action.");
        var call = action with
        {
            Method = "POST",
            Body = SchedulerJson.Serialize(payload),
            ContentType = "application/json",
            Success = ResponseCheck.Default,
        };
        var result = await invoker.InvokeAsync(new TargetInvocation(task.Id, id, occurrence, call) { Event = payload.Event }, cancellationToken);
        var status = result.Status == RunStatus.Succeeded ? NotificationStatus.Succeeded : NotificationStatus.Failed;
        metrics.RecordNotification(payload.Event, status);
        return new NotificationOutcome(id, status)
        {
            Attempts = result.Attempts,
            HttpStatus = result.HttpStatus,
            ErrorClass = result.ErrorClass,
            Error = result.Error,
            CompletedAt = result.CompletedAt == default ? time.GetUtcNow() : result.CompletedAt,
            SigningKeyIds = result.SigningKeyIds.Count > 0 ? result.SigningKeyIds : null,
        };
    }
}
