using Microsoft.DurableTask.Internal;

namespace Microsoft.DurableTask.Client;

// Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
// Every abstract member is transcribed; virtual members are the overloads that forward to them plus the
// operations whose real base implementation throws NotSupportedException (kept throwing, as in the real type).
// Not transcribed (virtual, unused, need more types): Entities, ListInstanceIdsAsync, StreamInstanceHistoryAsync.
public abstract class DurableTaskClient : IOrchestrationSubmitter, IAsyncDisposable
{
    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    protected DurableTaskClient(string name)
    {
        Name = name;
    }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public string Name { get; }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, CancellationToken cancellation)
        => ScheduleNewOrchestrationInstanceAsync(orchestratorName, null, null, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input, CancellationToken cancellation)
        => ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, null, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, StartOrchestrationOptions options, CancellationToken cancellation = default)
        => ScheduleNewOrchestrationInstanceAsync(orchestratorName, null, options, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task RaiseEventAsync(string instanceId, string eventName, CancellationToken cancellation)
        => RaiseEventAsync(instanceId, eventName, null, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public abstract Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, CancellationToken cancellation)
        => WaitForInstanceStartAsync(instanceId, false, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public abstract Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellation)
        => WaitForInstanceCompletionAsync(instanceId, false, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task TerminateInstanceAsync(string instanceId, CancellationToken cancellation)
        => TerminateInstanceAsync(instanceId, null, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    // A null output means "no options", as in the real overload.
    public virtual Task TerminateInstanceAsync(string instanceId, object? output, CancellationToken cancellation = default)
        => TerminateInstanceAsync(instanceId, output is null ? null : new TerminateInstanceOptions { Output = output }, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    // Virtual and throwing in the real base class too; the gRPC client overrides it.
    public virtual Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
        => throw new NotSupportedException($"{GetType()} does not support orchestration termination.");

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task SuspendInstanceAsync(string instanceId, CancellationToken cancellation)
        => SuspendInstanceAsync(instanceId, null, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public abstract Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task ResumeInstanceAsync(string instanceId, CancellationToken cancellation)
        => ResumeInstanceAsync(instanceId, null, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public abstract Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellation)
        => GetInstanceAsync(instanceId, false, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    // Forwards to the abstract (editor-hidden) GetInstancesAsync, as in the real type: a strict mock must set up
    // GetInstancesAsync (or this method) for GetInstanceAsync calls.
    public virtual Task<OrchestrationMetadata?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public virtual Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, CancellationToken cancellation)
        => GetInstancesAsync(instanceId, false, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public abstract Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public abstract AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation)
        => PurgeInstanceAsync(instanceId, null, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task<PurgeResult> PurgeInstanceAsync(
        string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
        => throw new NotSupportedException($"{GetType()} does not support purging of orchestration instances.");

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation)
        => PurgeAllInstancesAsync(filter, null, cancellation);

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task<PurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
        => throw new NotSupportedException($"{GetType()} does not support purging of orchestration instances.");

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
        => throw new NotSupportedException($"{GetType()} does not support orchestration restart.");

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public virtual Task RewindInstanceAsync(string instanceId, string reason, CancellationToken cancellation = default)
        => throw new NotSupportedException($"{GetType()} does not support orchestration rewind.");

    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d
    public abstract ValueTask DisposeAsync();
}
