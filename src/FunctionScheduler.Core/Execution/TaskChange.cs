namespace FunctionScheduler.Core.Execution;

/// <summary>What a user's request changed.</summary>
public enum TaskChange
{
    Created,
    Replaced,
    Paused,
    Resumed,
    RunRequested,
    Deleted,
    BackfillRequested,
    BackfillCanceled,
}
