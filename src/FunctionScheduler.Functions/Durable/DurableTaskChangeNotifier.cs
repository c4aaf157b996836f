using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Functions.Durable;

/// <summary>
/// Wakes a task's orchestration after the API changed the task. The change is already in the index; this only
/// shortens the time until the orchestration sees it. A notice that is lost (an event raised into an instance that
/// is just continuing as new or ending) is repaired by the next wake or by the reconcile.
/// </summary>
public sealed class DurableTaskChangeNotifier(TaskOrchestrations orchestrations) : ITaskChangeNotifier
{
    public Task NotifyAsync(StoredTask task, TaskChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        return change switch
        {
            // Nothing of the task is left to drive.
            TaskChange.Deleted => orchestrations.EndAsync(task.Id, "task deleted", cancellationToken),

            // A paused task needs no instance: a running one re-plans, finds nothing planned and ends. A cancelled
            // backfill leaves nothing to do either.
            TaskChange.Paused or TaskChange.BackfillCanceled => orchestrations.WakeIfActiveAsync(task.Id, change.ToString(), cancellationToken),

            // Created, replaced, resumed, run-now or backfill: something may be due, so an instance must be there to see it.
            _ => orchestrations.StartOrWakeAsync(task.Group, task.Id, change.ToString(), cancellationToken),
        };
    }
}
