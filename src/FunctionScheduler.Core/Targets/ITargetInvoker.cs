namespace FunctionScheduler.Core.Targets;

/// <summary>Makes a fire's HTTP call, with its retries, signature and run headers. Never throws for a target's failure.</summary>
public interface ITargetInvoker
{
    /// <summary>Invokes the target; failures (timeouts, refused addresses, error statuses) come back in the result.</summary>
    Task<InvocationResult> InvokeAsync(TargetInvocation invocation, CancellationToken cancellationToken = default);
}
