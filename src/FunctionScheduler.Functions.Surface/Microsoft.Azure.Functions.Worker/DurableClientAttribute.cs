using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-durable-extension/src/Worker.Extensions.DurableTask/DurableClientAttribute.cs@856bba801189
public sealed class DurableClientAttribute : InputBindingAttribute
{
    // Source: Azure/azure-functions-durable-extension/src/Worker.Extensions.DurableTask/DurableClientAttribute.cs@856bba801189
    public string? TaskHub { get; set; }

    // Source: Azure/azure-functions-durable-extension/src/Worker.Extensions.DurableTask/DurableClientAttribute.cs@856bba801189
    public string? ConnectionName { get; set; }
}
