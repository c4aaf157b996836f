namespace FunctionScheduler.Contracts;

/// <summary>The read-only "state" object of a task representation.</summary>
public sealed record TaskStateRepresentation
{
    public required TaskLifecycle Lifecycle { get; init; }

    /// <summary>Present while paused (absent for tasks paused before reasons were kept).</summary>
    public PausedReason? PausedReason { get; init; }

    /// <summary>Present once the task has completed.</summary>
    public CompletionReason? Completion { get; init; }

    /// <summary>Bumped by every replace.</summary>
    public required long Generation { get; init; }

    public DateTimeOffset? NextFireAt { get; init; }

    /// <summary>Scheduled fires in the current generation.</summary>
    public required int FireCount { get; init; }

    public LastRunRepresentation? LastRun { get; init; }

    /// <summary>Counts and the latest outcomes, for lists that show how a task is doing.</summary>
    public required RunStatisticsRepresentation RunStats { get; init; }

    /// <summary>Consecutive failures, last success, recent success rate, overdue; every read writes it.</summary>
    public TaskHealthRepresentation? Health { get; init; }

    /// <summary>Run-now requests accepted and not yet fired.</summary>
    public required int PendingRunRequests { get; init; }

    /// <summary>The task's latest backfill, running or ended; absent when it never had one.</summary>
    public BackfillRepresentation? Backfill { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
