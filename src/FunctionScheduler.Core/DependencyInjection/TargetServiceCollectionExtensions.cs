using Azure.Core;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Targets.Identity;
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
    /// <c>Signing</c>, <see cref="TargetOptions"/> from <c>Targets</c> and <see cref="TargetIdentityOptions"/> from
    /// <c>Identity</c> under <paramref name="schedulerSection"/> (the host's "Scheduler" section). Options are
    /// validated at start.
    /// </summary>
    public static IServiceCollection AddSchedulerTargets(this IServiceCollection services, IConfiguration schedulerSection)
    {
        ArgumentNullException.ThrowIfNull(schedulerSection);
        return services.AddSchedulerTargets(
            signing => schedulerSection.GetSection("Signing").Bind(signing),
            targets => schedulerSection.GetSection("Targets").Bind(targets),
            identity => schedulerSection.GetSection("Identity").Bind(identity));
    }

    /// <summary>
    /// As <see cref="AddSchedulerTargets(IServiceCollection, IConfiguration)"/>, with options set in code. The
    /// credential for target tokens is the keyed <see cref="TokenCredential"/> under
    /// <see cref="TargetIdentityOptions.CredentialKey"/>: one registered before this call is kept (tests put theirs
    /// in so), otherwise <see cref="TargetCredential.Create"/> makes it from the options.
    /// </summary>
    public static IServiceCollection AddSchedulerTargets(
        this IServiceCollection services,
        Action<SigningOptions> configureSigning,
        Action<TargetOptions>? configureTargets = null,
        Action<TargetIdentityOptions>? configureIdentity = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configureSigning);

        services.AddOptions<SigningOptions>().Configure(configureSigning).ValidateOnStart();
        services.AddOptions<TargetOptions>().Configure(configureTargets ?? (_ => { })).ValidateOnStart();
        services.AddOptions<TargetIdentityOptions>().Configure(configureIdentity ?? (_ => { })).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SigningOptions>, SigningOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TargetOptions>, TargetOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TargetIdentityOptions>, TargetIdentityOptionsValidator>());
        services.TryAddKeyedSingleton(
            TargetIdentityOptions.CredentialKey,
            (provider, _) => TargetCredential.Create(provider.GetRequiredService<IOptions<TargetIdentityOptions>>().Value));

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
