using FunctionScheduler.Functions.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Functions.Durable;

/// <summary>
/// Starts, wakes and ends task orchestrations through a <see cref="DurableTaskClient"/>: the three moves both the
/// change notifier and the reconcile make. Every move tolerates the instance having changed since it was read.
/// </summary>
public sealed partial class TaskOrchestrations(DurableTaskClient client, ILogger<TaskOrchestrations> logger)
{
    /// <summary>What a start-or-wake did.</summary>
    public enum StartOrWake
    {
        Started,
        Woken,
    }

    /// <summary>
    /// Starts the task's instance when none is active, else raises "changed" on it. A start that races another
    /// start (the extension refuses to replace a running instance) falls back to waking the winner; should both
    /// starts run anyway, each claims through the index and every occurrence still fires once.
    /// </summary>
    public async Task<StartOrWake> StartOrWakeAsync(string group, string taskId, string reason, CancellationToken cancellationToken = default)
    {
        var instanceId = TaskInstance.IdFor(taskId);
        if (TaskInstance.IsActive(await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken)))
        {
            await RaiseChangedAsync(instanceId, reason, cancellationToken);
            return StartOrWake.Woken;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                TaskOrchestrator.Name,
                new TaskOrchestrationInput(group, taskId),
                new StartOrchestrationOptions(instanceId),
                cancellationToken);
            LogStarted(taskId, instanceId, reason);
            return StartOrWake.Started;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The client's exception type for "already exists" depends on the backend, so the state decides: if an
            // instance is active now, somebody else started it and a wake-up is all that is left to do.
            if (!TaskInstance.IsActive(await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken)))
            {
                throw;
            }

            LogStartRaced(ex, taskId);
            await RaiseChangedAsync(instanceId, reason, cancellationToken);
            return StartOrWake.Woken;
        }
    }

    /// <summary>Raises "changed" on the task's instance if one is active; false when there is none to wake.</summary>
    public async Task<bool> WakeIfActiveAsync(string taskId, string reason, CancellationToken cancellationToken = default)
    {
        var instanceId = TaskInstance.IdFor(taskId);
        if (!TaskInstance.IsActive(await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken)))
        {
            return false;
        }

        await RaiseChangedAsync(instanceId, reason, cancellationToken);
        return true;
    }

    /// <summary>
    /// Ends the task's instance: terminates it if it is active, purges its history if it has already ended.
    /// Termination is processed asynchronously, and a purge is only for an instance that has ended: purging one whose
    /// termination is still queued leaves the backend a message for an instance it no longer has (the in-memory
    /// backend then fails on it in a loop). The reconcile purges a terminated instance whose task is gone.
    /// </summary>
    public async Task EndAsync(string taskId, string reason, CancellationToken cancellationToken = default)
    {
        var instanceId = TaskInstance.IdFor(taskId);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            return;
        }

        if (TaskInstance.IsActive(instance))
        {
            await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(reason), cancellationToken);
            LogTerminated(taskId, instanceId, reason);
            return;
        }

        var purged = await client.PurgeInstanceAsync(instanceId, options: null, cancellationToken);
        if (purged.PurgedInstanceCount > 0)
        {
            LogPurged(taskId, instanceId);
        }
    }

    /// <summary>Terminates the task's instance without purging it (the reconcile then starts a fresh one).</summary>
    public async Task TerminateAsync(string taskId, string reason, CancellationToken cancellationToken = default)
    {
        var instanceId = TaskInstance.IdFor(taskId);
        await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(reason), cancellationToken);
        LogTerminated(taskId, instanceId, reason);
    }

    // The payload says why, for whoever reads the instance's history; the orchestrator only needs the wake-up.
    private Task RaiseChangedAsync(string instanceId, string reason, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(instanceId, TaskInstance.ChangedEvent, reason, cancellationToken);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Task {TaskId}: started orchestration {InstanceId} ({Reason})")]
    private partial void LogStarted(string taskId, string instanceId, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Task {TaskId}: another caller started its orchestration first; waking it instead")]
    private partial void LogStartRaced(Exception exception, string taskId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Task {TaskId}: terminated orchestration {InstanceId} ({Reason})")]
    private partial void LogTerminated(string taskId, string instanceId, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Task {TaskId}: purged the history of orchestration {InstanceId}")]
    private partial void LogPurged(string taskId, string instanceId);
}
