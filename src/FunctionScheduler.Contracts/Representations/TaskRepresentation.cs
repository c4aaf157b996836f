namespace FunctionScheduler.Contracts;

/// <summary>
/// A task as reads return it: the full-form definition (never the short form), secret header values replaced by
/// null, plus read-only members (state, version, schedule text, warnings). <see cref="ToDefinition"/> is the
/// request body for PUT, and the null secrets keep their stored values.
/// </summary>
public sealed record TaskRepresentation
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public required string Group { get; init; }

    public required ScheduleRepresentation Schedule { get; init; }

    public required TargetRepresentation Target { get; init; }

    public FailureActionRepresentation? FailureAction { get; init; }

    /// <summary>As given; absent when the default applies (state.health.overdueTolerance shows the one in force).</summary>
    public TimeSpan? OverdueTolerance { get; init; }

    public int? AutoPauseAfter { get; init; }

    /// <summary>Read-only: how the task is running.</summary>
    public required TaskStateRepresentation State { get; init; }

    /// <summary>Read-only: the ETag an update must present in If-Match.</summary>
    public required string Version { get; init; }

    /// <summary>Read-only: the schedule in words ("At 02:30 every day, Europe/Berlin"), the same for every client.</summary>
    public required string ScheduleText { get; init; }

    /// <summary>
    /// Read-only: what the scheduler noticed about the definition and will hold against it when it fires (a target
    /// in a private or loopback range, say); absent when there is nothing to say.
    /// </summary>
    public IReadOnlyList<string>? Warnings { get; init; }

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
        FailureAction = FailureAction?.ToDefinition(),
        OverdueTolerance = OverdueTolerance,
        AutoPauseAfter = AutoPauseAfter,
    };
}
