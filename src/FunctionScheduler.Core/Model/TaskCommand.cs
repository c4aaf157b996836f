namespace FunctionScheduler.Core.Model;

/// <summary>A user's request that changes a task's lifecycle or definition.</summary>
public enum TaskCommand
{
    Pause,
    Resume,
    Replace,
    RunNow,

    /// <summary>The scheduler's own pause after <see cref="ScheduledTask.AutoPauseAfter"/> consecutive failed runs.</summary>
    AutoPause,
}
