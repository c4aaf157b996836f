using FunctionScheduler.Client;
using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionScheduler.Client.Tests.Support;

/// <summary>The real standalone host over Azurite, a loopback target for runs, and clients registered the documented way.</summary>
public sealed class SchedulerHostFixture : IAsyncLifetime
{
    private readonly string _prefix = AzuriteStorage.NewTablePrefix("client");
    private readonly List<ServiceProvider> _providers = [];

    internal StandaloneTestHost Host { get; private set; } = null!;

    internal LoopbackTarget Target { get; private set; } = null!;

    public string HookUrl => Target.UrlFor("/hook").AbsoluteUri;

    public string AlertsUrl => Target.UrlFor("/alerts").AbsoluteUri;

    public async Task InitializeAsync()
    {
        Target = await LoopbackTarget.StartAsync(endpoints =>
        {
            endpoints.MapPost("/hook", TargetBehaviors.Status(200, "ok"));
            endpoints.MapPost("/alerts", TargetBehaviors.Status(200));
        });
        Host = await StandaloneTestHost.StartAsync(_prefix);
    }

    /// <summary>A client from <c>AddFunctionSchedulerClient</c>, with the host's key unless <paramref name="configure"/> changes it.</summary>
    public FunctionSchedulerClient CreateClient(Action<FunctionSchedulerClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddFunctionSchedulerClient(options =>
        {
            options.Endpoint = Host.BaseAddress;
            options.ApiKey = StandaloneTestHost.ApiKey;
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<FunctionSchedulerClient>();
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await Host.DisposeAsync();
        await Target.DisposeAsync();
        await StandaloneTestHost.DeleteTablesAsync(_prefix);
    }
}
