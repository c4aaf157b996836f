namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/RetryHandler.cs@f74a9a75b3fe
// The stored copy at that commit carries the Dapr fork's namespace (Dapr.DurableTask); the types are transcribed in
// Microsoft.DurableTask, where TaskRetryOptions.cs@323da6d35aad and TaskOptions.cs@89a5fef9f16b use them.
public delegate bool RetryHandler(RetryContext retryContext);

// Source: microsoft/durabletask-dotnet/src/Abstractions/RetryHandler.cs@f74a9a75b3fe
public delegate Task<bool> AsyncRetryHandler(RetryContext retryContext);

// Source: microsoft/durabletask-dotnet/src/Abstractions/RetryHandler.cs@f74a9a75b3fe
public record RetryContext(
    TaskOrchestrationContext OrchestrationContext,
    int LastAttemptNumber,
    TaskFailureDetails LastFailure,
    TimeSpan TotalRetryTime,
    CancellationToken CancellationToken);
