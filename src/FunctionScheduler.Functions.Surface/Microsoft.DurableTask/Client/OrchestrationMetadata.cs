using System.Collections.Immutable;

namespace Microsoft.DurableTask.Client;

// Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
public sealed class OrchestrationMetadata
{
    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public OrchestrationMetadata(string name, string instanceId)
    {
        Name = name;
        InstanceId = instanceId;
    }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public string Name { get; }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public string InstanceId { get; }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    // Only set when inputs and outputs were requested; the Read*As methods require it.
    public DataConverter? DataConverter { get; init; }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public DateTimeOffset CreatedAt { get; init; }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public DateTimeOffset LastUpdatedAt { get; init; }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public string? SerializedInput { get; init; }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public string? SerializedOutput { get; init; }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public string? SerializedCustomStatus { get; init; }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary.Create<string, string>();

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public TaskFailureDetails? FailureDetails { get; init; }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public bool IsRunning => RuntimeStatus == OrchestrationRuntimeStatus.Running;

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed
        or OrchestrationRuntimeStatus.Failed
        or OrchestrationRuntimeStatus.Terminated;

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public T? ReadInputAs<T>() => RequireConverter(nameof(ReadInputAs)).Deserialize<T>(SerializedInput);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public T? ReadOutputAs<T>() => RequireConverter(nameof(ReadOutputAs)).Deserialize<T>(SerializedOutput);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public T? ReadCustomStatusAs<T>() => RequireConverter(nameof(ReadCustomStatusAs)).Deserialize<T>(SerializedCustomStatus);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    // The real async readers use DataConverter.DeserializeAsync (large-payload support); the surface's DataConverter
    // is the synchronous one, so these complete synchronously.
    public ValueTask<T?> ReadInputAsAsync<T>(CancellationToken cancellationToken = default)
        => ValueTask.FromResult(RequireConverter(nameof(ReadInputAsAsync)).Deserialize<T>(SerializedInput));

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public ValueTask<T?> ReadOutputAsAsync<T>(CancellationToken cancellationToken = default)
        => ValueTask.FromResult(RequireConverter(nameof(ReadOutputAsAsync)).Deserialize<T>(SerializedOutput));

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public ValueTask<T?> ReadCustomStatusAsAsync<T>(CancellationToken cancellationToken = default)
        => ValueTask.FromResult(RequireConverter(nameof(ReadCustomStatusAsAsync)).Deserialize<T>(SerializedCustomStatus));

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationMetadata.cs@07af9480ccd6
    public override string ToString()
        => $"[Name: '{Name}', ID: '{InstanceId}', RuntimeStatus: {RuntimeStatus}, CreatedAt: {CreatedAt:s}, LastUpdatedAt: {LastUpdatedAt:s}]";

    // Mirrors the real guard: without a converter the metadata was fetched without inputs and outputs.
    private DataConverter RequireConverter(string method) => DataConverter
        ?? throw new InvalidOperationException(
            $"{method} can only be used on OrchestrationMetadata fetched with the option to include inputs and outputs.");
}
