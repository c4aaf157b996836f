using FunctionScheduler.Core.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionScheduler.Http;

/// <summary>Registers the shared HTTP layer; both hosts call it.</summary>
public static class HttpApiServiceCollectionExtensions
{
    /// <summary>The endpoint runner, the failure mapping, the preview handlers and <see cref="HttpApiOptions"/> (validated at start).</summary>
    public static IServiceCollection AddSchedulerHttpApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HttpApiOptions>().Bind(configuration.GetSection(HttpApiOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ApiFailures>();
        services.TryAddSingleton<ApiEndpoint>();

        // The preview routes need no runtime: both hosts serve them from here.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SchedulePreviews>();
        return services;
    }
}
