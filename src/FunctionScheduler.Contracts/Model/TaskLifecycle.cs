namespace FunctionScheduler.Contracts;

/// <summary>Where a task is in its life. The server's transition table decides the allowed moves.</summary>
public enum TaskLifecycle
{
    /// <summary>Fires on its schedule.</summary>
    Active,

    /// <summary>Holds no timer and fires nothing scheduled until resumed; run-now still works.</summary>
    Paused,

    /// <summary>No scheduled occurrence remains (see <see cref="CompletionReason"/>); run-now still works.</summary>
    Completed,
}
