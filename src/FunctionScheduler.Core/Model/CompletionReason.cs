namespace FunctionScheduler.Core.Model;

/// <summary>Why a task completed.</summary>
public enum CompletionReason
{
    /// <summary>The next occurrence would fall after <see cref="TaskSchedule.EndAt"/>.</summary>
    EndAtReached,

    /// <summary><see cref="TaskSchedule.MaxRuns"/> scheduled fires are done.</summary>
    MaxRunsReached,

    /// <summary>The schedule has no further occurrence (a one-off task fired or was skipped; a cron that never matches again).</summary>
    NoMoreOccurrences,
}
