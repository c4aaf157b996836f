using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.DependencyInjection;
using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Health;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Telemetry;
using FunctionScheduler.Core.Tests.Conformance;
using FunctionScheduler.Testing.Azurite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests;

/// <summary>
/// The core's services over fresh Azurite tables, a fake clock and a stand-in target: what a runtime wires,
/// minus the host. Disposing deletes the tables.
/// </summary>
internal sealed class CoreServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public CoreServices(FakeTimeProvider clock, ITargetInvoker target, ITaskChangeNotifier? notifier = null, HttpPipelinePolicy? tablePolicy = null)
    {
        Clock = clock;
        var prefix = AzuriteStorage.NewTablePrefix("core");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSchedulerStorage(o =>
        {
            o.ConnectionString = AzuriteStorage.ConnectionString;
            o.TablePrefix = prefix;
            o.RequestTimeout = AzuriteStorage.RequestTimeout;
        });
        if (tablePolicy is not null)
        {
            var clientOptions = new TableClientOptions();
            clientOptions.AddPolicy(tablePolicy, HttpPipelinePosition.PerRetry);
            services.AddSingleton(new SchedulerTables(
                new TableStorageOptions { ConnectionString = AzuriteStorage.ConnectionString, TablePrefix = prefix, RequestTimeout = AzuriteStorage.RequestTimeout },
                clientOptions));
        }

        services.AddSingleton(target);
        services.AddSingleton<SchedulerMetrics>();
        services.AddSingleton(notifier ?? new WakeRegistry(clock));
        services.AddSingleton(new TargetWarnings(new TargetAddressPolicy(Options.Create(new TargetOptions()))));
        services.AddSingleton<TasksApi>();
        services.AddSchedulerExecution();
        _provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; }

    public TasksApi Api => _provider.GetRequiredService<TasksApi>();

    public TaskExecutor Executor => _provider.GetRequiredService<TaskExecutor>();

    public ITaskStore Store => _provider.GetRequiredService<ITaskStore>();

    public IRunLog Runs => _provider.GetRequiredService<IRunLog>();

    public OverdueMonitor Monitor => _provider.GetRequiredService<OverdueMonitor>();

    public System.Diagnostics.Metrics.IMeterFactory MeterFactory => _provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

    public async ValueTask DisposeAsync()
    {
        await _provider.GetRequiredService<SchedulerTables>().DeleteAllAsync();
        await _provider.DisposeAsync();
    }
}
