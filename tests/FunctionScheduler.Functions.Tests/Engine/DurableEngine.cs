using System.Net;
using DurableTask.Core;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Functions.Hosting;
using FunctionScheduler.Functions.Orchestration;
using FunctionScheduler.Functions.Tests.Fakes;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Functions.Tests.Engine;

/// <summary>
/// The real Durable Task engine around the app, in two processes' worth of parts as in Azure Functions: a sidecar
/// (the Durable extension's role in the Functions host) serving the task hub over gRPC from an
/// <see cref="IOrchestrationService"/> (the in-memory one, or Azure Storage over Azurite), and a worker (the isolated
/// worker's role) running the app's orchestrator and activities with the app's services and the Functions data
/// converter, plus a Durable client on the same channel. HTTP requests go through the app's functions with that
/// client bound, so the change notifier drives the real engine.
/// </summary>
internal sealed class DurableEngine : IAsyncDisposable
{
    private readonly WebApplication _sidecar;
    private readonly GrpcChannel _channel;
    private readonly IHost _worker;
    private readonly IOrchestrationService _service;
    private bool _stopped;

    private DurableEngine(WebApplication sidecar, GrpcChannel channel, IHost worker, IOrchestrationService service)
    {
        _sidecar = sidecar;
        _channel = channel;
        _worker = worker;
        _service = service;
        Host = new FunctionHost(worker.Services);
    }

    public IServiceProvider Services => _worker.Services;

    public DurableTaskClient Client => Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The app's functions over the worker's services (HTTP routes, the reconcile).</summary>
    public FunctionHost Host { get; }

    /// <summary>The app settings of an engine over a table prefix of its own in the run's Azurite, loopback targets allowed.</summary>
    public static Dictionary<string, string?> Settings(string tablePrefix) => new()
    {
        ["Scheduler:Storage:ConnectionString"] = AzuriteStorage.ConnectionString,
        ["Scheduler:Storage:TablePrefix"] = tablePrefix,
        ["Scheduler:Storage:RequestTimeout"] = AzuriteStorage.RequestTimeoutSetting,
        ["Scheduler:Signing:KeyId"] = "test",
        ["Scheduler:Signing:Secret"] = "a test signing secret of more than 32 bytes",
        ["Scheduler:Targets:AllowedNetworks:0"] = "127.0.0.1/32",
    };

    /// <summary>As <see cref="Settings"/>, signing with two keys at once (a rotation): the old one and the new one.</summary>
    public static Dictionary<string, string?> RotationSettings(string tablePrefix, string oldSecret, string newSecret)
    {
        var settings = Settings(tablePrefix);
        settings.Remove("Scheduler:Signing:KeyId");
        settings.Remove("Scheduler:Signing:Secret");
        settings["Scheduler:Signing:Keys:0:Id"] = "key-old";
        settings["Scheduler:Signing:Keys:0:Secret"] = oldSecret;
        settings["Scheduler:Signing:Keys:1:Id"] = "key-new";
        settings["Scheduler:Signing:Keys:1:Secret"] = newSecret;
        return settings;
    }

    /// <summary>Deletes the tables of the index an engine used (over <see cref="Settings"/>' prefix).</summary>
    public static Task DeleteTablesAsync(string tablePrefix) =>
        new SchedulerTables(Options.Create(new TableStorageOptions
        {
            ConnectionString = AzuriteStorage.ConnectionString,
            TablePrefix = tablePrefix,
            RequestTimeout = AzuriteStorage.RequestTimeout,
        })).DeleteAllAsync();

    /// <summary>
    /// Starts sidecar and worker over <paramref name="service"/>; <paramref name="replace"/> may swap app services
    /// (the clock, the target invoker) after the app's own registration, as a test host would.
    /// </summary>
    public static async Task<DurableEngine> StartAsync(
        IOrchestrationService service,
        FunctionTasks tasks,
        IReadOnlyDictionary<string, string?> settings,
        ILoggerProvider logs,
        Action<IServiceCollection>? replace = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(tasks);
        var sidecar = await StartSidecarAsync(service, logs);
        var channel = GrpcChannel.ForAddress(sidecar.BaseAddress());

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddFunctionScheduler(builder.Configuration);
        replace?.Invoke(builder.Services);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(channel);
            worker.AddTasks(tasks.Register);
        });
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });
        builder.Services.PostConfigureAll<DurableTaskWorkerOptions>(o => o.DataConverter = FunctionsDataConverter.Instance);
        builder.Services.PostConfigureAll<DurableTaskClientOptions>(o => o.DataConverter = FunctionsDataConverter.Instance);
        var worker = builder.Build();
        await worker.StartAsync();
        return new DurableEngine(sidecar, channel, worker, service);
    }

    /// <summary>
    /// Runs the app's orchestrator once for a task that does not exist (one claim finds it gone and the instance
    /// ends), then purges that instance: afterwards the worker is connected to the sidecar and the orchestrator and
    /// activity paths are loaded, so the first real fire is not also the engine's first work item (which took 13 to
    /// 15 s with ten engines starting at once on this machine).
    /// </summary>
    public async Task WarmUpAsync(TimeSpan bound)
    {
        var instanceId = TaskInstance.IdFor("engine-warm-up");
        using var timeout = new CancellationTokenSource(bound);
        await Client.ScheduleNewOrchestrationInstanceAsync(
            TaskOrchestrator.Name, new TaskOrchestrationInput("default", "engine-warm-up"), new StartOrchestrationOptions(instanceId), timeout.Token);
        var ended = await Client.WaitForInstanceCompletionAsync(instanceId, timeout.Token);
        if (ended.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"The warm-up orchestration ended {ended.RuntimeStatus}.");
        }

        await Client.PurgeInstanceAsync(instanceId, timeout.Token);
    }

    /// <summary>
    /// Stops worker, sidecar and backend without waiting for work in progress: what a host that is shut down or
    /// lost mid-run leaves behind (messages it had taken come back when their visibility timeout lapses).
    /// </summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _worker.StopAsync(quick.Token);
        await _sidecar.StopAsync(quick.Token);
        await _service.StopAsync(isForced: true);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _worker.Dispose();
        _channel.Dispose();
        await _sidecar.DisposeAsync();
    }

    private static async Task<WebApplication> StartSidecarAsync(IOrchestrationService service, ILoggerProvider logs)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        // gRPC over cleartext HTTP/2 needs an HTTP/2-only endpoint (prior knowledge; no upgrade without TLS).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton((IOrchestrationServiceClient)service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var sidecar = builder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        await sidecar.StartAsync();
        return sidecar;
    }
}
