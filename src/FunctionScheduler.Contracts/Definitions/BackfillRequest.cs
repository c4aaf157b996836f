namespace FunctionScheduler.Contracts;

/// <summary>
/// The body of POST /api/tasks/{id}/backfill: a past window whose occurrences of the task's schedule fire late, with
/// their original instants, oldest first, one at a time.
/// </summary>
public sealed record BackfillRequest
{
    /// <summary>Start of the window (inclusive).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>End of the window (inclusive); not after the time of the request.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Most occurrences fired by this backfill (those passed over as already recorded are not counted); all when null.</summary>
    public int? Limit { get; init; }

    /// <summary>Fire again the occurrences whose only record is a failed run (by default a failed run counts as recorded).</summary>
    public bool? RetryFailed { get; init; }
}
