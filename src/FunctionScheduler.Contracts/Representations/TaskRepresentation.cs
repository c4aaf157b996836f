namespace FunctionScheduler.Contracts;

/// <summary>
/// A task as reads return it: the full-form definition (never the short form), secret header values replaced by
/// null, plus its state and version. Without <see cref="State"/> and <see cref="Version"/> it is a valid request
/// body for PUT, and the null secrets keep their stored values.
/// </summary>
public sealed record TaskRepresentation
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public required string Group { get; init; }

    public required ScheduleRepresentation Schedule { get; init; }

    public required TargetRepresentation Target { get; init; }

    /// <summary>Read-only: how the task is running.</summary>
    public required TaskStateRepresentation State { get; init; }

    /// <summary>Read-only: the ETag an update must present in If-Match.</summary>
    public required string Version { get; init; }

    /// <summary>
    /// The definition part, ready to change and put back: every value as read, secret header values null (so a PUT
    /// keeps the stored ones).
    /// </summary>
    public TaskDefinition ToDefinition() => new()
    {
        Id = Id,
        Name = Name,
        Description = Description,
        Group = Group,
        Schedule = Schedule.ToDefinition(),
        Target = Target.ToDefinition(),
    };
}
