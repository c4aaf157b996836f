namespace FunctionScheduler.Contracts;

/// <summary>A task's backfill as reads return it: in "state.backfill", and from the backfill routes.</summary>
public sealed record BackfillRepresentation
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    /// <summary>The request's cap on fired occurrences, when it gave one.</summary>
    public int? Limit { get; init; }

    public required bool RetryFailed { get; init; }

    public required BackfillStatus Status { get; init; }

    /// <summary>The generation (definition version) whose schedule the window was read from; its runs carry it.</summary>
    public required long Generation { get; init; }

    /// <summary>Occurrences of the schedule in the window when the backfill was requested.</summary>
    public required int Occurrences { get; init; }

    /// <summary>Occurrences claimed and fired (or firing) so far.</summary>
    public required int Fired { get; init; }

    /// <summary>Occurrences passed over because they were already recorded or in flight.</summary>
    public required int Skipped { get; init; }

    /// <summary>The nominal instant of the last occurrence handled (fired or passed over); absent before the first.</summary>
    public DateTimeOffset? Through { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>When it completed or was cancelled; absent while running.</summary>
    public DateTimeOffset? EndedAt { get; init; }
}
