namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/Features/IInvocationFeatures.cs@40368c00c82d
public interface IInvocationFeatures : IEnumerable<KeyValuePair<Type, object>>
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/Features/IInvocationFeatures.cs@40368c00c82d
    void Set<T>(T instance);

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Context/Features/IInvocationFeatures.cs@40368c00c82d
    T? Get<T>();
}
