namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/TraceContext.cs@4fee6df6df3c
public abstract class TraceContext
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/TraceContext.cs@4fee6df6df3c
    public abstract string TraceParent { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/TraceContext.cs@4fee6df6df3c
    public abstract string TraceState { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/TraceContext.cs@4fee6df6df3c
    public abstract IReadOnlyDictionary<string, string> Attributes { get; }
}
