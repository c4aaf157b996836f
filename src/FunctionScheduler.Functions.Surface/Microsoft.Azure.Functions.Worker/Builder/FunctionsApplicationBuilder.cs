using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker.Builder;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Builder/FunctionsApplicationBuilder.cs@5570238edc03
// Services, Configuration, Logging, Metrics and Environment are real (a plain HostApplicationBuilder) so tests can
// inspect the app's registrations; there is no worker behind them, so Build() and Use() refuse loudly rather than
// produce a host that would sit idle.
public class FunctionsApplicationBuilder : IHostApplicationBuilder, IFunctionsWorkerApplicationBuilder
{
    private readonly HostApplicationBuilder _hostApplicationBuilder;

    internal FunctionsApplicationBuilder(string[]? args)
    {
        _hostApplicationBuilder = new HostApplicationBuilder(args);
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Builder/FunctionsApplicationBuilder.cs@5570238edc03
    public IDictionary<object, object> Properties => ((IHostApplicationBuilder)_hostApplicationBuilder).Properties;

    IConfigurationManager IHostApplicationBuilder.Configuration => Configuration;

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Builder/FunctionsApplicationBuilder.cs@5570238edc03
    public ConfigurationManager Configuration => _hostApplicationBuilder.Configuration;

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Builder/FunctionsApplicationBuilder.cs@5570238edc03
    public IHostEnvironment Environment => _hostApplicationBuilder.Environment;

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Builder/FunctionsApplicationBuilder.cs@5570238edc03
    public ILoggingBuilder Logging => _hostApplicationBuilder.Logging;

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Builder/FunctionsApplicationBuilder.cs@5570238edc03
    public IMetricsBuilder Metrics => _hostApplicationBuilder.Metrics;

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Builder/FunctionsApplicationBuilder.cs@5570238edc03
    public IServiceCollection Services => _hostApplicationBuilder.Services;

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Builder/FunctionsApplicationBuilder.cs@5570238edc03
    public IHost Build() => throw new NotSupportedException("compile-only surface");

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Builder/FunctionsApplicationBuilder.cs@5570238edc03
    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull
        => _hostApplicationBuilder.ConfigureContainer(factory, configure);

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Builder/FunctionsApplicationBuilder.cs@5570238edc03
    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
        => throw new NotSupportedException("compile-only surface");
}
