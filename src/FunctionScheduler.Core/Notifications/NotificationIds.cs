using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Notifications;

/// <summary>
/// Ids of failure-action notifications: the id of the run they are about, ':' and the event. Derived, never stored
/// alone, so every resend, retry and takeover of one notification carries the same id, which receivers deduplicate on
/// (it goes in X-Scheduler-Run-Id and is signed).
/// </summary>
public static class NotificationIds
{
    /// <summary><c>&lt;run id&gt;:runFailed</c>.</summary>
    public static string RunFailed(string runId) => runId + ":" + EventName(NotificationEvent.RunFailed);

    /// <summary><c>&lt;run id of the late occurrence&gt;:overdue</c>.</summary>
    public static string Overdue(string taskId, OverdueMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return RunId.For(taskId, mark.Occurrence, mark.Generation) + ":" + EventName(NotificationEvent.Overdue);
    }

    /// <summary>"runFailed" or "overdue", as the X-Scheduler-Event header and the payload spell it.</summary>
    public static string EventName(NotificationEvent notificationEvent) => notificationEvent switch
    {
        NotificationEvent.RunFailed => "runFailed",
        NotificationEvent.Overdue => "overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(notificationEvent), notificationEvent, "Unknown notification event."),
    };
}
