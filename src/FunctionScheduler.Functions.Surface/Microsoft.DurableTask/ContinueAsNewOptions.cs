namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/ContinueAsNewOptions.cs@5b2b8d266707
public class ContinueAsNewOptions
{
    // Source: microsoft/durabletask-dotnet/src/Abstractions/ContinueAsNewOptions.cs@5b2b8d266707
    public object? NewInput { get; set; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/ContinueAsNewOptions.cs@5b2b8d266707
    public bool PreserveUnprocessedEvents { get; set; } = true;

    // Source: microsoft/durabletask-dotnet/src/Abstractions/ContinueAsNewOptions.cs@5b2b8d266707
    public string? NewVersion { get; set; }
}
