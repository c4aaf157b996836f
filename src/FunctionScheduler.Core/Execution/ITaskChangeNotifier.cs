using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Execution;

/// <summary>
/// How the API tells the runtime that a task changed, so it re-plans at once instead of at its next poll.
/// A notice is only a wake-up: the change is already stored in the index, which stays the truth if a notice is
/// lost (each runtime reconciles from the index on its own).
/// </summary>
public interface ITaskChangeNotifier
{
    /// <summary>Wakes the runtime for <paramref name="task"/>; for <see cref="TaskChange.Deleted"/> the task is as it was last stored.</summary>
    Task NotifyAsync(StoredTask task, TaskChange change, CancellationToken cancellationToken = default);
}
