using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.DependencyInjection;

/// <summary>Registers everything a runtime needs to call targets.</summary>
public static class TargetServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITargetInvoker"/> (<see cref="HttpTargetInvoker"/>), <see cref="RequestSigner"/>,
    /// <see cref="TargetAddressPolicy"/>, <see cref="TargetWarnings"/>, <see cref="OutboundGuard"/>, <see cref="SchedulerMetrics"/> and the named
    /// HttpClient <see cref="HttpTargetInvoker.HttpClientName"/>, binding <see cref="SigningOptions"/> from
    /// <c>Signing</c> and <see cref="TargetOptions"/> from <c>Targets</c> under <paramref name="schedulerSection"/>
    /// (the host's "Scheduler" section). Options are validated at start.
    /// </summary>
    public static IServiceCollection AddSchedulerTargets(this IServiceCollection services, IConfiguration schedulerSection)
    {
        ArgumentNullException.ThrowIfNull(schedulerSection);
        return services.AddSchedulerTargets(
            signing => schedulerSection.GetSection("Signing").Bind(signing),
            targets => schedulerSection.GetSection("Targets").Bind(targets));
    }

    /// <summary>As <see cref="AddSchedulerTargets(IServiceCollection, IConfiguration)"/>, with options set in code.</summary>
    public static IServiceCollection AddSchedulerTargets(
        this IServiceCollection services, Action<SigningOptions> configureSigning, Action<TargetOptions>? configureTargets = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configureSigning);

        services.AddOptions<SigningOptions>().Configure(configureSigning).ValidateOnStart();
        services.AddOptions<TargetOptions>().Configure(configureTargets ?? (_ => { })).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SigningOptions>, SigningOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TargetOptions>, TargetOptionsValidator>());

        services.AddSchedulerTelemetry();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RequestSigner>();
        services.TryAddSingleton<TargetAddressPolicy>();
        services.TryAddSingleton<TargetWarnings>();
        services.TryAddSingleton<OutboundGuard>();
        services.TryAddSingleton<ITargetInvoker, HttpTargetInvoker>();

        services.AddHttpClient(HttpTargetInvoker.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<OutboundGuard>().CreateHandler())

            // Definitions carry API keys in headers and the signature is a credential for five minutes: the
            // factory's request logging never writes header values.
            .RedactLoggedHeaders(_ => true);
        return services;
    }
}
