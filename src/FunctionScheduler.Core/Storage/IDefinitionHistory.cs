using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage;

/// <summary>
/// The definitions a task had before its current one. <see cref="ITaskStore.ReplaceAsync"/> keeps the one it replaces
/// (when the replace starts a new generation) and <see cref="ITaskStore.DeleteAsync"/> removes them with the task;
/// this reads them. At most <see cref="MaxKept"/> are kept per task, the oldest giving way.
/// </summary>
public interface IDefinitionHistory
{
    /// <summary>How many earlier definitions a task keeps.</summary>
    const int MaxKept = 50;

    /// <summary>The kept earlier definitions of <paramref name="task"/> (as read), newest first; the current one is not among them.</summary>
    Task<IReadOnlyList<DefinitionVersion>> ListAsync(StoredTask task, CancellationToken cancellationToken = default);

    /// <summary>
    /// The kept earlier definitions of <paramref name="task"/> numbered <paramref name="numbers"/> (those still kept),
    /// in one request.
    /// </summary>
    Task<IReadOnlyList<DefinitionVersion>> GetAsync(StoredTask task, IReadOnlyCollection<long> numbers, CancellationToken cancellationToken = default);
}
