namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Abstractions/FunctionAttribute.cs@a51456c6d665
// The stored copy declares this type in Microsoft.Azure.Functions.Worker.Extensions.Abstractions; the 2.x worker
// exposes it as Microsoft.Azure.Functions.Worker.FunctionAttribute (what every [Function] in the app resolves to).
[AttributeUsage(AttributeTargets.Method)]
public class FunctionAttribute : Attribute
{
    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Abstractions/FunctionAttribute.cs@a51456c6d665
    public FunctionAttribute(string name)
    {
        Name = name;
    }

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Abstractions/FunctionAttribute.cs@a51456c6d665
    public string Name { get; }
}
