using FunctionScheduler.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="FunctionSchedulerClient"/> as a typed client of <c>IHttpClientFactory</c>.</summary>
public static class FunctionSchedulerClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FunctionSchedulerClient"/> with options set by <paramref name="configure"/>, validated at
    /// start (<see cref="FunctionSchedulerClientOptionsValidator"/>), and the standard resilience handler (retries with
    /// backoff that honour Retry-After, a circuit breaker and timeouts) for transient faults. Only requests that are
    /// safe to repeat are retried; create and run-now never are. Key headers are redacted from the factory's logs.
    /// Returns the client's builder for further transport settings.
    /// </summary>
    public static IHttpClientBuilder AddFunctionSchedulerClient(this IServiceCollection services, Action<FunctionSchedulerClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<FunctionSchedulerClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FunctionSchedulerClientOptions>, FunctionSchedulerClientOptionsValidator>());

        var builder = services.AddHttpClient(nameof(FunctionSchedulerClient))
            .RedactLoggedHeaders([FunctionSchedulerClient.ApiKeyHeader, FunctionSchedulerClient.FunctionKeyHeader]);
        builder.AddStandardResilienceHandler(RepeatableRequests.Apply);
        builder.AddTypedClient((http, provider) =>
            new FunctionSchedulerClient(http, provider.GetRequiredService<IOptions<FunctionSchedulerClientOptions>>().Value));
        return builder;
    }

    /// <summary>As <see cref="AddFunctionSchedulerClient(IServiceCollection, Action{FunctionSchedulerClientOptions})"/>, bound from <paramref name="section"/> (Endpoint, ApiKey, FunctionKey).</summary>
    public static IHttpClientBuilder AddFunctionSchedulerClient(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddFunctionSchedulerClient(options => section.Bind(options));
    }
}
