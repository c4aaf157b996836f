using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;

namespace FunctionScheduler.Dashboard.Tests.Support;

/// <summary>
/// The real standalone host over Azurite, a loopback target that answers 200 (and a failure action receiver that
/// answers 204), and one Chromium for the class.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private readonly string _prefix = AzuriteStorage.NewTablePrefix("dash");

    internal StandaloneTestHost Host { get; private set; } = null!;

    internal LoopbackTarget Target { get; private set; } = null!;

    public Chromium Chromium { get; private set; } = null!;

    public string HookUrl => Target.UrlFor("/hook").AbsoluteUri;

    public string AlertsUrl => Target.UrlFor("/alerts").AbsoluteUri;

    public async Task InitializeAsync()
    {
        Target = await LoopbackTarget.StartAsync(endpoints =>
        {
            endpoints.MapPost("/hook", TargetBehaviors.Status(200, "{\"ok\":true}"));
            endpoints.MapPost("/alerts", TargetBehaviors.Status(204));
        });
        Host = await StandaloneTestHost.StartAsync(_prefix);
        Chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Host.DisposeAsync();
        await Target.DisposeAsync();
        await StandaloneTestHost.DeleteTablesAsync(_prefix);
    }
}
