namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

// Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Abstractions/TriggerBindingAttribute.cs@e4096d874892
[AttributeUsage(AttributeTargets.Parameter)]
public abstract class TriggerBindingAttribute : BindingAttribute
{
    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Abstractions/TriggerBindingAttribute.cs@e4096d874892
    public TriggerBindingAttribute()
    {
    }
}
