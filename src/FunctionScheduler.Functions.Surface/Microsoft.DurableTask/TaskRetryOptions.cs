namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/TaskRetryOptions.cs@323da6d35aad
public sealed class TaskRetryOptions
{
    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskRetryOptions.cs@323da6d35aad
    public TaskRetryOptions(RetryPolicy policy)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskRetryOptions.cs@323da6d35aad
    public TaskRetryOptions(AsyncRetryHandler handler)
    {
        Handler = handler ?? throw new ArgumentNullException(nameof(handler));
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskRetryOptions.cs@323da6d35aad
    public RetryPolicy? Policy { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskRetryOptions.cs@323da6d35aad
    public AsyncRetryHandler? Handler { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskRetryOptions.cs@323da6d35aad
    public static implicit operator TaskRetryOptions(RetryPolicy policy) => FromRetryPolicy(policy);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskRetryOptions.cs@323da6d35aad
    public static implicit operator TaskRetryOptions(AsyncRetryHandler handler) => FromRetryHandler(handler);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskRetryOptions.cs@323da6d35aad
    public static implicit operator TaskRetryOptions(RetryHandler handler) => FromRetryHandler(handler);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskRetryOptions.cs@323da6d35aad
    public static TaskRetryOptions FromRetryPolicy(RetryPolicy policy) => new(policy);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskRetryOptions.cs@323da6d35aad
    public static TaskRetryOptions FromRetryHandler(AsyncRetryHandler handler) => new(handler);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskRetryOptions.cs@323da6d35aad
    public static TaskRetryOptions FromRetryHandler(RetryHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new TaskRetryOptions(context => Task.FromResult(handler(context)));
    }
}
