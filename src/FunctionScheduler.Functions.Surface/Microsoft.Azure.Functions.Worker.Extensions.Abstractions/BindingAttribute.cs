namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

// Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Abstractions/src/BindingAttribute.cs@0731f01f152e
[AttributeUsage(AttributeTargets.Method)]
public abstract class BindingAttribute : Attribute
{
    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Abstractions/src/BindingAttribute.cs@0731f01f152e
    public BindingAttribute()
    {
    }
}
