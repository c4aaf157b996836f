namespace FunctionScheduler.Contracts;

/// <summary>
/// One kept definition of a task (GET /api/tasks/{id}/versions and .../versions/{n}). A version's number is the
/// generation it ran as, so a run's generation names the definition it used.
/// </summary>
public sealed record TaskVersionRepresentation
{
    /// <summary>The version's number: the task's generation while this definition was current.</summary>
    public required long Version { get; init; }

    /// <summary>Whether this is the task's current definition.</summary>
    public required bool Current { get; init; }

    /// <summary>When this definition became current (the create or the replace that wrote it).</summary>
    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>
    /// JSON pointers of the fields this version changed from the one before it ([] for the first); absent when the
    /// version before it is no longer kept.
    /// </summary>
    public IReadOnlyList<string>? Changes { get; init; }

    /// <summary>The definition, secret header values null; only in the answer for one version.</summary>
    public TaskDefinition? Definition { get; init; }
}
