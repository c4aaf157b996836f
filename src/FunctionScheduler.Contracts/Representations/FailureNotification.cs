namespace FunctionScheduler.Contracts;

/// <summary>
/// The JSON body a failure action receives. Signed like every call the scheduler makes, with <see cref="NotificationId"/>
/// as the signed id (X-Scheduler-Run-Id): the same on every attempt and every resend, so receivers deduplicate on it.
/// </summary>
public sealed record FailureNotification
{
    public required NotificationEvent Event { get; init; }

    /// <summary>The run id it is about, then ':' and the event: <c>nightly-report:2516…999s-g2:runFailed</c>.</summary>
    public required string NotificationId { get; init; }

    public required string TaskId { get; init; }

    public required string Group { get; init; }

    public string? Name { get; init; }

    /// <summary>The task's lifecycle once this run is counted (paused when it reached autoPauseAfter).</summary>
    public required TaskLifecycle Lifecycle { get; init; }

    public PausedReason? PausedReason { get; init; }

    /// <summary>Failed runs since the last successful one, this one included for <see cref="NotificationEvent.RunFailed"/>.</summary>
    public required long ConsecutiveFailures { get; init; }

    /// <summary>For <see cref="NotificationEvent.RunFailed"/>: the run record, as run history shows it.</summary>
    public RunRepresentation? Run { get; init; }

    /// <summary>For <see cref="NotificationEvent.Overdue"/>: what is late.</summary>
    public OverdueRepresentation? Overdue { get; init; }
}
