namespace FunctionScheduler.Contracts;

/// <summary>Where a task's backfill is: running, or why it ended.</summary>
public enum BackfillStatus
{
    /// <summary>Occurrences of the window are still to be fired (or are being fired).</summary>
    Running,

    /// <summary>Every occurrence of the window was fired or passed over, or the limit was reached.</summary>
    Completed,

    /// <summary>Cancelled by a request (DELETE .../backfill); an occurrence already claimed still finishes.</summary>
    Canceled,

    /// <summary>The task was replaced (PUT) before the backfill finished: its occurrences came from the old schedule.</summary>
    Replaced,
}
