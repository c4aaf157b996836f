namespace FunctionScheduler.Contracts;

/// <summary>How a failure action's notification went.</summary>
public enum NotificationStatus
{
    /// <summary>Decided and not sent yet (or its sender stopped before it could record the outcome).</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Succeeded,

    /// <summary>Every attempt failed; the error class says how.</summary>
    Failed,
}
