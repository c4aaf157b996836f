namespace Microsoft.DurableTask.Client;

// Source: microsoft/durabletask-dotnet/src/Client/Core/PurgeResult.cs@c014df219951
public class PurgeResult
{
    // Source: microsoft/durabletask-dotnet/src/Client/Core/PurgeResult.cs@c014df219951
    public PurgeResult(int count, bool? isComplete)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        PurgedInstanceCount = count;
        IsComplete = isComplete;
    }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/PurgeResult.cs@c014df219951
    public int PurgedInstanceCount { get; }

    // Source: microsoft/durabletask-dotnet/src/Client/Core/PurgeResult.cs@c014df219951
    public bool? IsComplete { get; }
}
