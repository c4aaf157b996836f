namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

// Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Abstractions/src/InputBindingAttribute.cs@86f52b8b8ff1
[AttributeUsage(AttributeTargets.Parameter)]
public abstract class InputBindingAttribute : BindingAttribute
{
    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Abstractions/src/InputBindingAttribute.cs@86f52b8b8ff1
    public InputBindingAttribute()
    {
    }
}
