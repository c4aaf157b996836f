using System.Collections.Immutable;

namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
public record TaskOptions
{
    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    public TaskOptions(TaskRetryOptions? retry)
    {
        Retry = retry;
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    public TaskOptions(TaskRetryOptions? retry = null, IDictionary<string, string>? tags = null)
    {
        Retry = retry;
        Tags = tags;
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    public TaskRetryOptions? Retry { get; init; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    public IDictionary<string, string>? Tags { get; init; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    public static TaskOptions FromRetryHandler(AsyncRetryHandler handler) => new(handler);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    public static TaskOptions FromRetryHandler(RetryHandler handler) => new(handler);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    public SubOrchestrationOptions WithInstanceId(string instanceId) => new(this, instanceId);
}

// Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
public record SubOrchestrationOptions : TaskOptions
{
    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    public SubOrchestrationOptions(TaskRetryOptions? retry = null, string? instanceId = null)
        : base(retry)
    {
        InstanceId = instanceId;
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    // An explicit instanceId wins; otherwise one carried by a SubOrchestrationOptions argument is kept.
    public SubOrchestrationOptions(TaskOptions options, string? instanceId = null)
        : base(options)
    {
        InstanceId = instanceId ?? (options as SubOrchestrationOptions)?.InstanceId;
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    public string? InstanceId { get; init; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    public TaskVersion? Version { get; init; }
}

// Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null)
{
    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary.Create<string, string>();

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskOptions.cs@89a5fef9f16b
    public TaskVersion? Version { get; init; }
}
