namespace FunctionScheduler.Contracts;

/// <summary>What a failure action's notification reports.</summary>
public enum NotificationEvent
{
    /// <summary>A run failed after all its retries.</summary>
    RunFailed,

    /// <summary>A due occurrence has no recorded run by its instant plus the task's overdue tolerance.</summary>
    Overdue,
}
