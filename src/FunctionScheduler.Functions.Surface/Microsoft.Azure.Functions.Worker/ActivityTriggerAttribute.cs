using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-durable-extension/src/Worker.Extensions.DurableTask/ActivityTriggerAttribute.cs@0596909095db
// Not transcribed: the [InputConverter]/[ConverterFallbackBehavior] attributes, which only steer the real worker's binding.
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ActivityTriggerAttribute : TriggerBindingAttribute
{
    // Source: Azure/azure-functions-durable-extension/src/Worker.Extensions.DurableTask/ActivityTriggerAttribute.cs@0596909095db
    public string? Activity { get; set; }
}
