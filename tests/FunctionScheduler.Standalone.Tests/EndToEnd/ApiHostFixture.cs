using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>One host and one loopback target shared by the API surface tests (they create tasks with distinct ids).</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    private readonly string _prefix = AzuriteStorage.NewTablePrefix("api");

    internal StandaloneTestHost Host { get; private set; } = null!;

    internal LoopbackTarget Target { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Target = await LoopbackTarget.StartAsync(endpoints =>
        {
            endpoints.MapPost("/hook", TargetBehaviors.Status(200, "ok"));
            endpoints.MapPost("/echo", TargetBehaviors.EchoHeaders(500));
        });
        Host = await StandaloneTestHost.StartAsync(_prefix);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Target.DisposeAsync();
        await StandaloneTestHost.DeleteTablesAsync(_prefix);
    }
}
