namespace FunctionScheduler.Contracts;

/// <summary>Why a task completed.</summary>
public enum CompletionReason
{
    /// <summary>The next occurrence would fall after the schedule's <c>endAt</c>.</summary>
    EndAtReached,

    /// <summary>The schedule's <c>maxRuns</c> scheduled fires are done.</summary>
    MaxRunsReached,

    /// <summary>The schedule has no further occurrence (a one-off task fired or was skipped; a cron that never matches again).</summary>
    NoMoreOccurrences,
}
