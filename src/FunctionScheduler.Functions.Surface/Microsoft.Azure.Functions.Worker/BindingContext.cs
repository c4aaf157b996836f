namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/BindingContext.cs@40368c00c82d
public abstract class BindingContext
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/BindingContext.cs@40368c00c82d
    public abstract IReadOnlyDictionary<string, object?> BindingData { get; }
}
