using Microsoft.DurableTask.Client;

namespace FunctionScheduler.Functions.Orchestration;

/// <summary>
/// How a task maps onto its Durable orchestration: one instance per task, its id derived from the task id, so a
/// start for a task that already runs finds the running instance instead of creating a second one.
/// </summary>
public static class TaskInstance
{
    /// <summary>Every task orchestration's instance id starts with this; the reconcile queries by it.</summary>
    public const string Prefix = "task:";

    /// <summary>The external event that wakes an instance to re-plan now. Its payload names the change (informational).</summary>
    public const string ChangedEvent = "changed";

    /// <summary>The instance id of <paramref name="taskId"/>'s orchestration.</summary>
    public static string IdFor(string taskId) => Prefix + taskId;

    /// <summary>The task id behind an instance id, when it is a task orchestration's.</summary>
    public static bool TryGetTaskId(string instanceId, out string taskId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        var isTask = instanceId.StartsWith(Prefix, StringComparison.Ordinal) && instanceId.Length > Prefix.Length;
        taskId = isTask ? instanceId[Prefix.Length..] : "";
        return isTask;
    }

    /// <summary>
    /// Whether the instance is still going: it will run its orchestrator again (pending, running, or suspended by an
    /// operator). Completed, failed and terminated instances never wake again.
    /// </summary>
    public static bool IsActive(OrchestrationMetadata? instance) => instance?.RuntimeStatus is
        OrchestrationRuntimeStatus.Pending or
        OrchestrationRuntimeStatus.Running or
        OrchestrationRuntimeStatus.Suspended;
}
