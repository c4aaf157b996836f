using System.Collections.Immutable;

namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionDefinition.cs@40368c00c82d
public abstract class FunctionDefinition
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionDefinition.cs@40368c00c82d
    public abstract ImmutableArray<FunctionParameter> Parameters { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionDefinition.cs@40368c00c82d
    public abstract string PathToAssembly { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionDefinition.cs@40368c00c82d
    public abstract string EntryPoint { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionDefinition.cs@40368c00c82d
    public abstract string Id { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionDefinition.cs@40368c00c82d
    public abstract string Name { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionDefinition.cs@40368c00c82d
    public abstract IImmutableDictionary<string, BindingMetadata> InputBindings { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/FunctionDefinition.cs@40368c00c82d
    public abstract IImmutableDictionary<string, BindingMetadata> OutputBindings { get; }
}
