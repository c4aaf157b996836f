using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionScheduler.Core.Telemetry;

/// <summary>Registers the scheduler's metrics.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SchedulerMetrics"/> (and the metrics services it needs). Tracing needs no registration:
    /// <see cref="SchedulerTelemetry.ActivitySource"/> is static.
    /// </summary>
    public static IServiceCollection AddSchedulerTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.TryAddSingleton<SchedulerMetrics>();
        return services;
    }
}
