namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/FunctionContext.cs@6017badf00b7
public abstract class FunctionContext
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/FunctionContext.cs@6017badf00b7
    public abstract string InvocationId { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/FunctionContext.cs@6017badf00b7
    public abstract string FunctionId { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/FunctionContext.cs@6017badf00b7
    public abstract TraceContext TraceContext { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/FunctionContext.cs@6017badf00b7
    public abstract BindingContext BindingContext { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/FunctionContext.cs@6017badf00b7
    public abstract RetryContext RetryContext { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/FunctionContext.cs@6017badf00b7
    public abstract IServiceProvider InstanceServices { get; set; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/FunctionContext.cs@6017badf00b7
    public abstract FunctionDefinition FunctionDefinition { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/FunctionContext.cs@6017badf00b7
    public abstract IDictionary<object, object> Items { get; set; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/FunctionContext.cs@6017badf00b7
    public abstract IInvocationFeatures Features { get; }

    // Source: /work/shared/functions-api.md ("virtual CancellationToken CancellationToken { get; }"), added to the
    // worker by Azure/azure-functions-dotnet-worker PR #972; the stored copies of FunctionContext.cs predate it.
    public virtual CancellationToken CancellationToken { get; } = CancellationToken.None;
}
