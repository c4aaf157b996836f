using Microsoft.Extensions.Logging;

namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8, adjusted for the released line:
// - no abstract InstanceVersion: it came from the unmerged PR #295, and the sealed FunctionsOrchestrationContext
//   (Azure/azure-functions-durable-extension/src/Worker.Extensions.DurableTask/FunctionsOrchestrationContext.cs@0a84421e130f),
//   which must override every abstract member, does not override it;
// - virtual Version (PR #408), virtual Properties (PR #415, overridden in FunctionsOrchestrationContext.cs@0a84421e130f)
//   and virtual ContinueAsNew(ContinueAsNewOptions) (PR #682) added.
// Not transcribed: virtual Entities (needs TaskOrchestrationEntityFeature) and CompareVersionTo (declaration not read).
// The abstract set below is exactly what FunctionsOrchestrationContext.cs@0a84421e130f overrides, so a
// Mock<TaskOrchestrationContext>(MockBehavior.Strict) behaves as it would against the real type.
public abstract class TaskOrchestrationContext
{
    private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>();

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract TaskName Name { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract string InstanceId { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract ParentOrchestrationInstance? Parent { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract DateTime CurrentUtcDateTime { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract bool IsReplaying { get; }

    // Source: microsoft/durabletask-dotnet PR #408 (diff quoted in PR #415 review: "public virtual string Version => string.Empty;")
    public virtual string Version => string.Empty;

    // Source: microsoft/durabletask-dotnet PR #415 (IReadOnlyDictionary per its review); type as overridden in
    // FunctionsOrchestrationContext.cs@0a84421e130f.
    public virtual IReadOnlyDictionary<string, object?> Properties => NoProperties;

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    protected abstract ILoggerFactory LoggerFactory { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract T? GetInput<T>();

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public virtual Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null)
        => CallActivityAsync<object>(name, input, options);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public virtual Task CallActivityAsync(TaskName name, TaskOptions options)
        => CallActivityAsync(name, null, options);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public virtual Task<TResult> CallActivityAsync<TResult>(TaskName name, TaskOptions options)
        => CallActivityAsync<TResult>(name, null, options);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken)
        => CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    // Non-virtual in the real type: races a durable timer against the event and cancels the loser, so a mock sees
    // one CreateTimer and one WaitForExternalEvent call, as it would with the real base class.
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        using var timerCancellation = new CancellationTokenSource();
        using var eventCancellation = new CancellationTokenSource();
        Task timer = CreateTimer(timeout, timerCancellation.Token);
        Task<T> received = WaitForExternalEvent<T>(eventName, eventCancellation.Token);
        Task first = await Task.WhenAny(timer, received).ConfigureAwait(true);
        await (first == received ? timerCancellation.CancelAsync() : eventCancellation.CancelAsync()).ConfigureAwait(true);
        return await received.ConfigureAwait(true);
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract void SendEvent(string instanceId, string eventName, object payload);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract void SetCustomStatus(object? customStatus);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public virtual Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, TaskOptions options)
        => CallSubOrchestratorAsync<TResult>(orchestratorName, null, options);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, TaskOptions options)
        => CallSubOrchestratorAsync(orchestratorName, null, options);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
        => CallSubOrchestratorAsync<object>(orchestratorName, input, options);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    // Source: microsoft/durabletask-dotnet PR #682 ("virtual overload ... delegates to the existing abstract
    // ContinueAsNew(object?, bool)"); ContinueAsNewOptions.cs@5b2b8d266707.
    public virtual void ContinueAsNew(ContinueAsNewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ContinueAsNew(options.NewInput, options.PreserveUnprocessedEvents);
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public abstract Guid NewGuid();

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    // Non-virtual in the real type (functions-api.md lists it as virtual).
    public ILogger CreateReplaySafeLogger(string categoryName)
        => new ReplaySafeLogger(this, LoggerFactory.CreateLogger(categoryName));

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public virtual ILogger CreateReplaySafeLogger(Type type)
        => new ReplaySafeLogger(this, LoggerFactory.CreateLogger(type));

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOrchestrationContext.cs@1976de60e1d8
    public virtual ILogger CreateReplaySafeLogger<T>()
        => new ReplaySafeLogger(this, LoggerFactory.CreateLogger<T>());

    // Drops log writes while the orchestrator replays history, so each message is written once per real execution.
    private sealed class ReplaySafeLogger(TaskOrchestrationContext context, ILogger inner) : ILogger
    {
        IDisposable? ILogger.BeginScope<TState>(TState state) => inner.BeginScope(state);

        bool ILogger.IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        void ILogger.Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
