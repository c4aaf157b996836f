using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-durable-extension/src/Worker.Extensions.DurableTask/OrchestrationTriggerAttribute.cs@48bc312faac6
// Not transcribed: the [EditorBrowsable(Never)] LargePayloadPurge flag of that copy, which belongs to the large-payload
// purge work that docs/large-payload-purge-dotnet-isolated.md describes as not yet published.
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OrchestrationTriggerAttribute : TriggerBindingAttribute
{
    // Source: Azure/azure-functions-durable-extension/src/Worker.Extensions.DurableTask/OrchestrationTriggerAttribute.cs@48bc312faac6
    public string? Orchestration { get; set; }
}
