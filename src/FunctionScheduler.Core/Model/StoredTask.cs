namespace FunctionScheduler.Core.Model;

/// <summary>A task as read from the index: definition, state and the version (ETag) any update must present.</summary>
public sealed record StoredTask(ScheduledTask Definition, TaskRunState State, string Version)
{
    public string Id => Definition.Id;

    public string Group => Definition.Group;
}
