namespace FunctionScheduler.Core.Model;

/// <summary>
/// Everything about a task that changes as it runs. Stored beside its definition and passed to the planner,
/// which is the only code that advances <see cref="Cursor"/>, <see cref="FireCount"/> and <see cref="NextFireAt"/>.
/// </summary>
public sealed record TaskRunState
{
    /// <summary>Active, paused or completed.</summary>
    public TaskLifecycle Lifecycle { get; init; } = TaskLifecycle.Active;

    /// <summary>Why a paused task is paused; null otherwise (and for tasks paused before reasons were kept).</summary>
    public PausedReason? PausedReason { get; init; }

    /// <summary>The overdue episode under way, if any (see <see cref="OverdueMark"/>).</summary>
    public OverdueMark? Overdue { get; init; }

    /// <summary>Why the task completed, when it has.</summary>
    public CompletionReason? Completion { get; init; }

    /// <summary>Bumped by every replace; occurrences claimed under an older generation are not recorded against the new one.</summary>
    public long Generation { get; init; } = 1;

    /// <summary>
    /// When the current generation began (create or replace). The schedule counts only occurrences from here on,
    /// and an interval without startAt is anchored one interval after it.
    /// </summary>
    public required DateTimeOffset GenerationStartedAt { get; init; }

    /// <summary>Nominal instant of the last scheduled occurrence fired or skipped; the planner looks strictly after it.</summary>
    public DateTimeOffset? Cursor { get; init; }

    /// <summary>Scheduled fires in this generation, counted against <see cref="TaskSchedule.MaxRuns"/>.</summary>
    public int FireCount { get; init; }

    /// <summary>Fire instant (with jitter) of the next scheduled occurrence; null when none is planned.</summary>
    public DateTimeOffset? NextFireAt { get; init; }

    /// <summary>Occurrences claimed by a runtime whose runs are not recorded yet, each with its claim.</summary>
    public IReadOnlyList<ClaimedOccurrence> InFlight { get; init; } = [];

    /// <summary>Run-now requests not yet fired, as their request instants.</summary>
    public IReadOnlyList<DateTimeOffset> RunRequests { get; init; } = [];

    /// <summary>The task's latest backfill, running or ended; null when it never had one.</summary>
    public BackfillState? Backfill { get; init; }

    /// <summary>The most recent recorded run.</summary>
    public LastRunSummary? LastRun { get; init; }

    /// <summary>Counts and latest outcomes of the recorded runs (see <see cref="RunStatistics"/>).</summary>
    public RunStatistics RunStats { get; init; } = RunStatistics.Empty;

    /// <summary>When the task was first created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the definition or lifecycle last changed by a user's request.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A new task's state at <paramref name="now"/>.</summary>
    public static TaskRunState New(DateTimeOffset now) =>
        new() { GenerationStartedAt = now, CreatedAt = now, UpdatedAt = now };
}
