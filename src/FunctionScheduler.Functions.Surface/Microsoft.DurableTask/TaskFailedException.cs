namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/TaskFailedException.cs@ac8e2e3176a1
public sealed class TaskFailedException : Exception
{
    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskFailedException.cs@ac8e2e3176a1
    public TaskFailedException(string taskName, int taskId, Exception innerException)
        : base(FormatMessage(taskName, taskId, innerException?.Message), innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = TaskFailureDetails.FromException(innerException);
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskFailedException.cs@ac8e2e3176a1
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base(FormatMessage(taskName, taskId, failureDetails?.ErrorMessage))
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskFailedException.cs@ac8e2e3176a1
    public string TaskName { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskFailedException.cs@ac8e2e3176a1
    public int TaskId { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskFailedException.cs@ac8e2e3176a1
    public TaskFailureDetails FailureDetails { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskFailedException.cs@ac8e2e3176a1
    [Obsolete("Use the FailureDetails property and its IsCausedBy<T>() method")]
    public bool IsCausedByException<T>()
        where T : Exception
        => FailureDetails.ErrorType == typeof(T).FullName;

    // The real message has this shape; some callers match on it.
    private static string FormatMessage(string taskName, int taskId, string? cause) => cause is null
        ? $"Task '{taskName}' (#{taskId}) failed with an unhandled exception."
        : $"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {cause}";
}
