using Microsoft.Azure.Functions.Worker;

namespace Microsoft.Extensions.Hosting;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Hosting/WorkerHostBuilderExtensions.cs@5d1112f74c35
// Not transcribed: the overloads taking Action<WorkerOptions>; WorkerOptions exposes an Azure.Core ObjectSerializer,
// which the surface does not reference. Every method throws: the surface has no worker to configure.
public static class WorkerHostBuilderExtensions
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Hosting/WorkerHostBuilderExtensions.cs@5d1112f74c35
    public static IHostBuilder ConfigureFunctionsWorkerDefaults(this IHostBuilder builder)
        => throw new NotSupportedException("compile-only surface");

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Hosting/WorkerHostBuilderExtensions.cs@5d1112f74c35
    public static IHostBuilder ConfigureFunctionsWorkerDefaults(this IHostBuilder builder, Action<IFunctionsWorkerApplicationBuilder> configure)
        => throw new NotSupportedException("compile-only surface");

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Hosting/WorkerHostBuilderExtensions.cs@5d1112f74c35
    public static IHostBuilder ConfigureFunctionsWorkerDefaults(this IHostBuilder builder, Action<HostBuilderContext, IFunctionsWorkerApplicationBuilder> configure)
        => throw new NotSupportedException("compile-only surface");
}
