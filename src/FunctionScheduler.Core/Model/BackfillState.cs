namespace FunctionScheduler.Core.Model;

/// <summary>
/// A task's backfill, kept in its state so that whichever runtime plans the task next (after a crash, another
/// host, another orchestration pass) carries on where the last one stopped. Advanced by the planner only, like the
/// schedule's cursor; docs/semantics.md §7 specifies it.
/// </summary>
public sealed record BackfillState
{
    /// <summary>Most occurrences one backfill's window may hold.</summary>
    public const int MaxOccurrences = 1000;

    /// <summary>Start of the window (inclusive).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>End of the window (inclusive), never after the request.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Most occurrences to fire; null for all.</summary>
    public int? Limit { get; init; }

    /// <summary>Whether an occurrence whose only record is a failed run fires again.</summary>
    public bool RetryFailed { get; init; }

    /// <summary>The generation the window's occurrences belong to; a replace ends the backfill.</summary>
    public required long Generation { get; init; }

    /// <summary>When it was requested.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>Occurrences of the schedule in the window at the request.</summary>
    public required int Occurrences { get; init; }

    public BackfillStatus Status { get; init; } = BackfillStatus.Running;

    /// <summary>Nominal instant of the last occurrence claimed or passed over; the next one is strictly after it.</summary>
    public DateTimeOffset? Cursor { get; init; }

    /// <summary>Occurrences claimed so far (each fires and is recorded).</summary>
    public int Fired { get; init; }

    /// <summary>Occurrences passed over because they were recorded or in flight already.</summary>
    public int Skipped { get; init; }

    /// <summary>
    /// The run log has been asked about every occurrence up to this instant; <see cref="Recorded"/> holds those of
    /// them after <see cref="Cursor"/> it found recorded (or in flight). Only the executor, which can read the log,
    /// moves it; a claim is stored only for an occurrence at or before it.
    /// </summary>
    public DateTimeOffset? CheckedThrough { get; init; }

    /// <summary>Checked occurrences after the cursor that are recorded already, ascending; passed over when reached.</summary>
    public IReadOnlyList<DateTimeOffset> Recorded { get; init; } = [];

    /// <summary>When it ended; null while running.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Whether <see cref="Limit"/> occurrences are fired.</summary>
    public bool LimitReached => Limit is { } limit && Fired >= limit;

    /// <summary>This backfill, ended at <paramref name="now"/> with <paramref name="status"/>; itself when ended already.</summary>
    public BackfillState End(BackfillStatus status, DateTimeOffset now) =>
        Status != BackfillStatus.Running ? this : this with { Status = status, EndedAt = now, Recorded = [] };
}
