namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/RetryPolicy.cs@3230de7e2fd8
public class RetryPolicy
{
    // Source: microsoft/durabletask-dotnet/src/Abstractions/RetryPolicy.cs@3230de7e2fd8
    // Same argument checks and defaults as the real constructor (1 h max interval, infinite timeout).
    public RetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxNumberOfAttempts);
        if (firstRetryInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(firstRetryInterval), firstRetryInterval, "Must be greater than zero.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        if (maxRetryInterval < firstRetryInterval && maxRetryInterval != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRetryInterval), maxRetryInterval, "Must not be less than firstRetryInterval.");
        }

        if (retryTimeout < firstRetryInterval && retryTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(retryTimeout), retryTimeout, "Must not be less than firstRetryInterval.");
        }

        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
        Handle = _ => true;
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/RetryPolicy.cs@3230de7e2fd8
    public int MaxNumberOfAttempts { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/RetryPolicy.cs@3230de7e2fd8
    public TimeSpan FirstRetryInterval { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/RetryPolicy.cs@3230de7e2fd8
    public double BackoffCoefficient { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/RetryPolicy.cs@3230de7e2fd8
    public TimeSpan MaxRetryInterval { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/RetryPolicy.cs@3230de7e2fd8
    public TimeSpan RetryTimeout { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/RetryPolicy.cs@3230de7e2fd8
    public Func<Exception, bool> Handle { get; private init; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/RetryPolicy.cs@3230de7e2fd8
    [Obsolete("This functionality is not implemented. Will be removed in the future. Use TaskOptions.FromRetryHandler instead.")]
    public Func<Exception, Task<bool>>? HandleAsync { get; set; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/RetryPolicy.cs@3230de7e2fd8
    // The real setter maps DurableTask.Core failure exceptions to TaskFailureDetails; the surface has no
    // DurableTask.Core, so the resulting Handle refuses to run.
    public Func<TaskFailureDetails, bool> HandleTaskFailureDetails
    {
        init => Handle = _ => throw new NotSupportedException("compile-only surface");
    }
}
