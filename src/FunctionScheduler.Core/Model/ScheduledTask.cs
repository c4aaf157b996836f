namespace FunctionScheduler.Core.Model;

/// <summary>
/// A task's definition: what users create and replace over the REST API. Immutable; a replace writes a new one.
/// </summary>
/// <remarks>Named to collide with neither <see cref="System.Threading.Tasks.Task"/> nor Durable Task's tasks.</remarks>
public sealed record ScheduledTask
{
    /// <summary>The default group, used when a definition names none.</summary>
    public const string DefaultGroup = "default";

    /// <summary>Unique id: client-chosen (see <see cref="TaskId"/>) or generated on create.</summary>
    public required string Id { get; init; }

    /// <summary>Optional display name.</summary>
    public string? Name { get; init; }

    /// <summary>Optional free text.</summary>
    public string? Description { get; init; }

    /// <summary>Group for listing and partitioning; fixed for the life of the task.</summary>
    public string Group { get; init; } = DefaultGroup;

    /// <summary>When the task fires.</summary>
    public required TaskSchedule Schedule { get; init; }

    /// <summary>What a fire does.</summary>
    public required HttpTarget Target { get; init; }

    /// <summary>
    /// Where a notification goes when a run fails after all its retries or the task is overdue: POSTed, signed, with
    /// its own headers, timeout and retries. Null: none.
    /// </summary>
    public HttpTarget? FailureAction { get; init; }

    /// <summary>How long past its fire instant an occurrence may go unrecorded; null: derived (see <see cref="Health.OverdueCheck.ToleranceOf"/>).</summary>
    public TimeSpan? OverdueTolerance { get; init; }

    /// <summary>Pause after this many consecutive failed runs; null: never.</summary>
    public int? AutoPauseAfter { get; init; }
}
