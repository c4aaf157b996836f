namespace FunctionScheduler.Core.Model;

/// <summary>
/// A definition a task had: its number (the generation it ran as), when it became current, and the definition with
/// its secret values (which no read returns).
/// </summary>
public sealed record DefinitionVersion(long Number, DateTimeOffset SavedAt, ScheduledTask Definition)
{
    /// <summary>The task's current definition as its latest version.</summary>
    public static DefinitionVersion Current(StoredTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new DefinitionVersion(task.State.Generation, task.State.GenerationStartedAt, task.Definition);
    }
}
