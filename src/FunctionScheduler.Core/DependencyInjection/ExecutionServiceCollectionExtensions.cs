using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Health;
using FunctionScheduler.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionScheduler.Core.DependencyInjection;

/// <summary>Registers what fires tasks and watches them, over the storage and targets the host registered.</summary>
public static class ExecutionServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TaskExecutor"/>, <see cref="FailureNotifier"/> and <see cref="OverdueMonitor"/>.</summary>
    public static IServiceCollection AddSchedulerExecution(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<FailureNotifier>();
        services.TryAddSingleton<TaskExecutor>();
        services.TryAddSingleton<OverdueMonitor>();
        return services;
    }
}
