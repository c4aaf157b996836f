namespace Microsoft.DurableTask.Internal;

// Source: microsoft/durabletask-dotnet/src/Abstractions/Internal/IOrchestrationSubmitter.cs@fd50acf94095 for the type and namespace. That copy declares
// ScheduleNewOrchestrationInstanceAsync(TaskName, string? instanceId, object? input, DateTimeOffset? startTime);
// DurableTaskClient.cs@208aade2258d implements this interface with no such member, so the version it compiles
// against must declare the (TaskName, object?, StartOrchestrationOptions?, CancellationToken) shape used here.
public interface IOrchestrationSubmitter
{
    // Source: microsoft/durabletask-dotnet/src/Client/Core/DurableTaskClient.cs@208aade2258d (see type comment).
    Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default);
}
