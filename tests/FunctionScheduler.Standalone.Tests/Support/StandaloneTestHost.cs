using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Standalone.Dispatching;
using FunctionScheduler.Standalone.Hosting;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Standalone.Tests.Support;

/// <summary>
/// The standalone host as Program.cs builds it, on real Kestrel at 127.0.0.1 and a free port, over the run's
/// Azurite under a given table prefix. Tests may override settings and replace services (the clock, the invoker).
/// </summary>
internal sealed class StandaloneTestHost : IAsyncDisposable
{
    public const string ApiKey = "test-api-key-0123456789";

    private readonly WebApplication _app;
    private bool _stopped;

    private StandaloneTestHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public Uri BaseAddress { get; }

    /// <summary>A client that sends the API key.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public TaskDispatcher Dispatcher => Services.GetRequiredService<TaskDispatcher>();

    public static async Task<StandaloneTestHost> StartAsync(
        string tablePrefix,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string? connectionString = null,
        string environment = "Testing")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.ListenOnLoopback();
        builder.Configuration.AddInMemoryCollection(Settings(tablePrefix, connectionString ?? AzuriteStorage.ConnectionString));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddStandaloneScheduler();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapStandaloneScheduler();
        await app.StartAsync();

        return new StandaloneTestHost(app, app.BaseAddress());
    }

    /// <summary>Deletes the tables under <paramref name="tablePrefix"/> (test clean-up).</summary>
    public static Task DeleteTablesAsync(string tablePrefix, string? connectionString = null) =>
        Tables(tablePrefix, connectionString).DeleteAllAsync();

    /// <summary>The tables under <paramref name="tablePrefix"/>, for a test that reads or seeds them directly.</summary>
    public static SchedulerTables Tables(string tablePrefix, string? connectionString = null) =>
        new(Options.Create(new TableStorageOptions
        {
            ConnectionString = connectionString ?? AzuriteStorage.ConnectionString,
            TablePrefix = tablePrefix,
            RequestTimeout = AzuriteStorage.RequestTimeout,
        }));

    /// <summary>Stops the host gracefully (the dispatcher drains its fires).</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
        await _app.DisposeAsync();
    }

    private static Dictionary<string, string?> Settings(string tablePrefix, string connectionString) => new()
    {
        ["Scheduler:Storage:ConnectionString"] = connectionString,
        ["Scheduler:Storage:TablePrefix"] = tablePrefix,
        ["Scheduler:Storage:RequestTimeout"] = AzuriteStorage.RequestTimeoutSetting,
        ["Scheduler:Signing:KeyId"] = "test",
        ["Scheduler:Signing:Secret"] = "test-signing-secret-0123456789abcdef",
        ["Scheduler:Targets:AllowedNetworks:0"] = "127.0.0.1",
        ["Scheduler:Standalone:ApiKey"] = ApiKey,
        ["Scheduler:Standalone:ConsoleTelemetry"] = "false",
        ["Scheduler:Standalone:Dispatcher:ShutdownGrace"] = "00:00:10",
        ["Logging:LogLevel:Default"] = "Warning",
    };
}
