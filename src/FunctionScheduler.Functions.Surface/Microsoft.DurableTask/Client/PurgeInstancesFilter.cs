namespace Microsoft.DurableTask.Client;

// Source: microsoft/durabletask-dotnet/src/Client/Core/PurgeInstancesFilter.cs@0412b63b5b42
public record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null)
{
    // Source: microsoft/durabletask-dotnet/src/Client/Core/PurgeInstancesFilter.cs@0412b63b5b42
    public TimeSpan? Timeout { get; init; }
}
