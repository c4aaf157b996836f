using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage;

/// <summary>
/// The task index: definitions and state, the source of truth for both runtimes. Every update is conditional on
/// the version read; a stale write throws <see cref="ConcurrencyConflictException"/> and is never silently lost.
/// </summary>
public interface ITaskStore
{
    /// <summary>Reads a task by id alone (one lookup of its group, then the task); null when absent.</summary>
    Task<StoredTask?> GetAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Reads a task whose group is known (one point read); null when absent.</summary>
    Task<StoredTask?> GetAsync(string group, string taskId, CancellationToken cancellationToken = default);

    /// <summary>Creates a task; throws <see cref="TaskAlreadyExistsException"/> when the id is taken in any group.</summary>
    Task<StoredTask> CreateAsync(ScheduledTask definition, TaskRunState state, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces definition and state, if <paramref name="current"/>'s version is still the stored one. The group cannot
    /// change. When <paramref name="state"/> starts a new generation (every accepted PUT), the definition replaced is
    /// kept as a version (<see cref="IDefinitionHistory"/>).
    /// </summary>
    Task<StoredTask> ReplaceAsync(StoredTask current, ScheduledTask definition, TaskRunState state, CancellationToken cancellationToken = default);

    /// <summary>Writes only the state, if <paramref name="current"/>'s version is still the stored one.</summary>
    Task<StoredTask> UpdateStateAsync(StoredTask current, TaskRunState state, CancellationToken cancellationToken = default);

    /// <summary>Lists tasks, optionally filtered, one page at a time.</summary>
    Task<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>Deletes a task, its id lookup, its kept versions and its run history; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string taskId, CancellationToken cancellationToken = default);
}
