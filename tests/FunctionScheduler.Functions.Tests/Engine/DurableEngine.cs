using System.Net;
using DurableTask.Core;
using FunctionScheduler.Functions.Hosting;
using FunctionScheduler.Functions.Tests.Fakes;
using FunctionScheduler.Testing.Targets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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

    /// <summary>Starts the engine; <paramref name="services"/> registers first, so the app's TryAdd registrations keep the test's (a credential, say).</summary>
    public static async Task<DurableEngine> StartAsync(
        IOrchestrationService service,
        FunctionTasks tasks,
        IReadOnlyDictionary<string, string?> settings,
        ILoggerProvider logs,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(tasks);
        var sidecar = await StartSidecarAsync(service, logs);
        var channel = GrpcChannel.ForAddress(sidecar.BaseAddress());

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        services?.Invoke(builder.Services);
        builder.Services.AddFunctionScheduler(builder.Configuration);
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
