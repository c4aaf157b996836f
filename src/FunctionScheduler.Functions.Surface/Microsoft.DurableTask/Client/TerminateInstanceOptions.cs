namespace Microsoft.DurableTask.Client;

// Source: microsoft/durabletask-dotnet/src/Client/Core/TerminateInstanceOptions.cs@55bd7ae0fc0e
public record TerminateInstanceOptions
{
    // Source: microsoft/durabletask-dotnet/src/Client/Core/TerminateInstanceOptions.cs@55bd7ae0fc0e
    // Recursive defaults to true here, unlike PurgeInstanceOptions.
    public TerminateInstanceOptions(object? output = null, bool recursive = true)
    {
        Output = output;
        Recursive = recursive;
    }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/TerminateInstanceOptions.cs@55bd7ae0fc0e
    public object? Output { get; init; }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/TerminateInstanceOptions.cs@55bd7ae0fc0e
    public bool Recursive { get; init; }
}
