using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Api.Representations;

/// <summary>The read-only "state" object of a task representation.</summary>
public sealed record TaskStateRepresentation
{
    public required TaskLifecycle Lifecycle { get; init; }

    /// <summary>Present once the task has completed.</summary>
    public CompletionReason? Completion { get; init; }

    /// <summary>Bumped by every replace.</summary>
    public required long Generation { get; init; }

    public DateTimeOffset? NextFireAt { get; init; }

    /// <summary>Scheduled fires in the current generation.</summary>
    public required int FireCount { get; init; }

    public LastRunRepresentation? LastRun { get; init; }

    /// <summary>Run-now requests accepted and not yet fired.</summary>
    public required int PendingRunRequests { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The representation of <paramref name="state"/>; claims and cursors stay internal.</summary>
    public static TaskStateRepresentation From(TaskRunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new TaskStateRepresentation
        {
            Lifecycle = state.Lifecycle,
            Completion = state.Completion,
            Generation = state.Generation,
            NextFireAt = state.NextFireAt,
            FireCount = state.FireCount,
            LastRun = state.LastRun is { } lastRun ? LastRunRepresentation.From(lastRun) : null,
            PendingRunRequests = state.RunRequests.Count,
            CreatedAt = state.CreatedAt,
            UpdatedAt = state.UpdatedAt,
        };
    }
}
