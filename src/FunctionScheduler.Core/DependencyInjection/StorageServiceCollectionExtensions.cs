using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Core.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.DependencyInjection;

/// <summary>
/// Registers the Table Storage index: <see cref="ITaskStore"/>, <see cref="IRunLog"/>, the hosts' heartbeats
/// (<see cref="IHostRegistry"/>), the definitions' versions (<see cref="IDefinitionHistory"/>) and their tables.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the index with options bound from <paramref name="configuration"/>'s section
    /// <c>Scheduler:Storage</c> (pass the root configuration) and validated when the host starts. Without a
    /// <see cref="TableStorageOptions.ContinuationTokenSecret"/>, tokens are keyed from <c>Scheduler:Signing:Secret</c>,
    /// or with several signing keys from the first one's secret (<c>Scheduler:Signing:Keys:0:Secret</c>).
    /// </summary>
    public static IServiceCollection AddSchedulerStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TableStorageOptions>()
            .Bind(configuration.GetSection(TableStorageOptions.SectionName))
            .PostConfigure(options =>
            {
                // Every host has a signing secret, shared by all of them: tokens need no setting of their own.
                if (string.IsNullOrEmpty(options.ContinuationTokenSecret))
                {
                    options.ContinuationTokenSecret = configuration[SigningOptions.SectionName + ":" + nameof(SigningOptions.Secret)] is { Length: > 0 } single
                        ? single
                        : configuration[SigningOptions.SectionName + ":" + nameof(SigningOptions.Keys) + ":0:" + nameof(SigningKeyOptions.Secret)];
                }
            });
        return AddStorageServices(services);
    }

    /// <summary>Registers the index with options set in code, validated when the host starts.</summary>
    public static IServiceCollection AddSchedulerStorage(this IServiceCollection services, Action<TableStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TableStorageOptions>().Configure(configure);
        return AddStorageServices(services);
    }

    private static IServiceCollection AddStorageServices(IServiceCollection services)
    {
        services.AddOptions<TableStorageOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TableStorageOptions>, TableStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SchedulerTables>();
        services.TryAddSingleton<IRunLog, TableRunLog>();
        services.TryAddSingleton<ITaskStore, TableTaskStore>();
        services.TryAddSingleton<IHostRegistry, TableHostRegistry>();
        services.TryAddSingleton<IDefinitionHistory, TableDefinitionHistory>();
        return services;
    }
}
