namespace FunctionScheduler.Functions.Reconciliation;

/// <summary>What the reconcile did for one task or orchestration.</summary>
public enum ReconcileAction
{
    /// <summary>Nothing was wrong.</summary>
    None,

    /// <summary>The task should be running and had no active instance: one was started.</summary>
    Started,

    /// <summary>The instance was woken ("changed"): it was overdue, or holds on to a task that needs it no more.</summary>
    Woken,

    /// <summary>The instance runs an orchestrator by another name (an older version): it was terminated; the next reconcile starts the current one.</summary>
    Retired,

    /// <summary>The task is gone: its instance was terminated and/or purged.</summary>
    Ended,
}
