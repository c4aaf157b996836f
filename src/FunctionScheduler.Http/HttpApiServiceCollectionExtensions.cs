using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionScheduler.Http;

/// <summary>Registers the shared HTTP layer; both hosts call it.</summary>
public static class HttpApiServiceCollectionExtensions
{
    /// <summary>The endpoint runner, the failure mapping and <see cref="HttpApiOptions"/> (validated at start).</summary>
    public static IServiceCollection AddSchedulerHttpApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HttpApiOptions>().Bind(configuration.GetSection(HttpApiOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ApiFailures>();
        services.TryAddSingleton<ApiEndpoint>();
        return services;
    }
}
