using System.Collections.Immutable;

namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionParameter.cs@8534c224f5c8
public class FunctionParameter
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionParameter.cs@8534c224f5c8
    public FunctionParameter(string name, Type type)
        : this(name, type, ImmutableDictionary<string, object>.Empty)
    {
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionParameter.cs@8534c224f5c8
    public FunctionParameter(string name, Type type, IReadOnlyDictionary<string, object> properties)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Properties = properties ?? throw new ArgumentNullException(nameof(properties));
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionParameter.cs@8534c224f5c8
    public string Name { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionParameter.cs@8534c224f5c8
    public Type Type { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionParameter.cs@8534c224f5c8
    public IReadOnlyDictionary<string, object> Properties { get; }
}
