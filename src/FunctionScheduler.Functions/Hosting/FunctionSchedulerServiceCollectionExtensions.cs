using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.DependencyInjection;
using FunctionScheduler.Core.Execution;
using FunctionScheduler.Functions.Durable;
using FunctionScheduler.Functions.Http;
using FunctionScheduler.Functions.Reconciliation;
using FunctionScheduler.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionScheduler.Functions.Hosting;

/// <summary>Registers everything the functions use, over configuration section "Scheduler" (app settings Scheduler__*).</summary>
public static class FunctionSchedulerServiceCollectionExtensions
{
    /// <summary>
    /// The core (Table Storage index, target invoker, executor), the per-invocation API factory and the Functions
    /// glue. Options are validated when the host starts, so a missing connection or signing key stops the app at once.
    /// </summary>
    public static IServiceCollection AddFunctionScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSchedulerStorage(configuration);
        services.AddSchedulerTargets(configuration.GetSection("Scheduler"));
        services.AddSchedulerExecution();
        services.AddSchedulerHttpApi(configuration);
        services.TryAddSingleton<TasksApiFactory>();
        services.TryAddSingleton<HttpApi>();
        services.TryAddSingleton<HealthCheck>();
        services.TryAddSingleton<TaskReconciler>();
        return services;
    }
}
