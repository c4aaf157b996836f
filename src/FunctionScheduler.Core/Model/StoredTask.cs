namespace FunctionScheduler.Core.Model;

/// <summary>A task as read from the index: definition, state and the version (ETag) any update must present.</summary>
public sealed record StoredTask(ScheduledTask Definition, TaskRunState State, string Version)
{
    public string Id => Definition.Id;

    public string Group => Definition.Group;

    /// <summary>
    /// The index's partition holding the row when it is not where the index's current layout puts it (a row written
    /// by an earlier version); null otherwise. Set by the index that read the row; writes go where it says.
    /// </summary>
    internal string? Partition { get; init; }
}
