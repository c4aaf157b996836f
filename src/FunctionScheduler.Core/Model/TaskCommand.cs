namespace FunctionScheduler.Core.Model;

/// <summary>A user's request that changes a task's lifecycle or definition.</summary>
public enum TaskCommand
{
    Pause,
    Resume,
    Replace,
    RunNow,
}
