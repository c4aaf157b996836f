using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Hosting/IFunctionsWorkerApplicationBuilder.cs@d4c1cca5fd98
public interface IFunctionsWorkerApplicationBuilder
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Hosting/IFunctionsWorkerApplicationBuilder.cs@d4c1cca5fd98
    IServiceCollection Services { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Hosting/IFunctionsWorkerApplicationBuilder.cs@d4c1cca5fd98
    IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware);
}
