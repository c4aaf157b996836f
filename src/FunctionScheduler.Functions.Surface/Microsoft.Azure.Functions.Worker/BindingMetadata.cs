namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/BindingMetadata.cs@0731f01f152e
public abstract class BindingMetadata
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/BindingMetadata.cs@0731f01f152e
    public abstract string Name { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/BindingMetadata.cs@0731f01f152e
    public abstract string Type { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Definition/BindingMetadata.cs@0731f01f152e
    public abstract BindingDirection Direction { get; }
}
