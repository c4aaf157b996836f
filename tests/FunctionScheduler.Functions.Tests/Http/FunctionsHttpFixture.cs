using FunctionScheduler.Functions.Tests.Fakes;
using FunctionScheduler.Testing.Conformance;
using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Functions.Tests.Http;

/// <summary>
/// The app's HTTP functions behind real Kestrel on 127.0.0.1, as the worker's ASP.NET Core integration serves them:
/// every request is handed to the function whose trigger matches (<see cref="FunctionHost.InvokeHttpAsync"/>) with
/// the real HttpRequest, and the IResult it returns is executed on the real response. The app's services, the
/// index in Azurite and the fake Durable runtime are <see cref="TestApp"/>'s.
/// </summary>
public sealed class FunctionsHttpFixture : IAsyncLifetime
{
    private TestApp App { get; set; } = null!;

    private WebApplication Server { get; set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        App = new TestApp(clock, new ScriptedTarget(clock));

        var builder = WebApplication.CreateSlimBuilder();
        builder.ListenOnLoopback();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        Server = builder.Build();
        Server.Run(context =>
        {
            context.RequestServices = App.Services;
            return App.Host.InvokeHttpAsync(context, App.Durable);
        });
        await Server.StartAsync();

        Client = new HttpClient { BaseAddress = Server.BaseAddress(), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.StopAsync();
        await Server.DisposeAsync();
        await App.DisposeAsync();
    }
}
