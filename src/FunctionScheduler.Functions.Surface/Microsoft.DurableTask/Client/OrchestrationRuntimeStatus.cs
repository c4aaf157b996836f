namespace Microsoft.DurableTask.Client;

// Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationRuntimeStatus.cs@22ce61851ab1
public enum OrchestrationRuntimeStatus
{
    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationRuntimeStatus.cs@22ce61851ab1
    Running,

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationRuntimeStatus.cs@22ce61851ab1
    Completed,

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationRuntimeStatus.cs@22ce61851ab1
    [Obsolete("The ContinuedAsNew status is obsolete and exists only for compatibility reasons.")]
    ContinuedAsNew,

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationRuntimeStatus.cs@22ce61851ab1
    Failed,

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationRuntimeStatus.cs@22ce61851ab1
    [Obsolete("The Canceled status is not currently used and exists only for compatibility reasons.")]
    Canceled,

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationRuntimeStatus.cs@22ce61851ab1
    Terminated,

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationRuntimeStatus.cs@22ce61851ab1
    Pending,

    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationRuntimeStatus.cs@22ce61851ab1
    Suspended,
}
