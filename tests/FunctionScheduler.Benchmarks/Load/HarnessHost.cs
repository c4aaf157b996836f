using System.Net;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Standalone.Dispatching;
using FunctionScheduler.Standalone.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionScheduler.Benchmarks.Load;

/// <summary>The standalone host as Program.cs builds it, in this process, on 127.0.0.1, over the harness's Azurite.</summary>
internal sealed class HarnessHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HarnessHost(WebApplication app) => _app = app;

    public TaskDispatcher Dispatcher => _app.Services.GetRequiredService<TaskDispatcher>();

    public ITaskStore Store => _app.Services.GetRequiredService<ITaskStore>();

    public static async Task<HarnessHost> StartAsync(string connectionString, string tablePrefix, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scheduler:Storage:ConnectionString"] = connectionString,
            ["Scheduler:Storage:TablePrefix"] = tablePrefix,
            ["Scheduler:Signing:KeyId"] = "load",
            ["Scheduler:Signing:Secret"] = "load-harness-signing-secret-0123456789",
            ["Scheduler:Targets:AllowedNetworks:0"] = "127.0.0.1",
            ["Scheduler:Standalone:ApiKey"] = "load-harness-api-key-0123456789",
            ["Scheduler:Standalone:ConsoleTelemetry"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddStandaloneScheduler();
        var app = builder.Build();
        app.MapStandaloneScheduler();
        await app.StartAsync();
        return new HarnessHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
