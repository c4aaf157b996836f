namespace FunctionScheduler.Contracts;

/// <summary>Why a paused task is paused ("state.pausedReason").</summary>
public enum PausedReason
{
    /// <summary>A user paused it (POST /api/tasks/{id}/pause).</summary>
    User,

    /// <summary>The scheduler paused it after <c>autoPauseAfter</c> consecutive failed runs; resume clears it.</summary>
    ConsecutiveFailures,
}
