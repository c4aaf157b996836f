namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/RetryContext.cs@6017badf00b7
public abstract class RetryContext
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/RetryContext.cs@6017badf00b7
    public abstract int RetryCount { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/RetryContext.cs@6017badf00b7
    public abstract int MaxRetryCount { get; }
}
