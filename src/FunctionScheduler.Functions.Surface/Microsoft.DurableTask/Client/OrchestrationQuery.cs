namespace Microsoft.DurableTask.Client;

// Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationQuery.cs@43e04cc007b6
// The stored copy declares namespace Microsoft.DurableTask (an older layout); its sibling client types moved to
// Microsoft.DurableTask.Client (e.g. PurgeInstancesFilter.cs@0412b63b5b42), so it is placed there too.
public record OrchestrationQuery(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null,
    IEnumerable<string>? TaskHubNames = null,
    string? InstanceIdPrefix = null,
    int PageSize = OrchestrationQuery.DefaultPageSize,
    bool FetchInputsAndOutputs = false,
    string? ContinuationToken = null)
{
    // Source: microsoft/durabletask-dotnet/src/Client/Core/OrchestrationQuery.cs@43e04cc007b6
    public const int DefaultPageSize = 100;
}
