using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionScheduler.Client.Tests;

/// <summary>What goes on the wire: the address under the endpoint, the configured key header, and failures without a problem document.</summary>
public sealed class FunctionSchedulerClientRequestTests : IAsyncLifetime
{
    private readonly List<ServiceProvider> _providers = [];
    private LoopbackTarget _server = null!;

    public async Task InitializeAsync() =>
        _server = await LoopbackTarget.StartAsync(endpoints => endpoints.Map("/{**path}", TargetBehaviors.Status(418, "<html>teapot</html>")));

    [Fact]
    public async Task GetTaskAsync_FunctionKeyAndPathPrefix_SendsKeyHeaderUnderThePrefixAndEscapesTheId()
    {
        var client = Create(options =>
        {
            options.Endpoint = new Uri(_server.BaseAddress, "scheduler");
            options.FunctionKey = "fn-key";
        });

        await Assert.ThrowsAsync<FunctionSchedulerException>(() => client.GetTaskAsync("a b"));

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/scheduler/api/tasks/a b", request.Path);
        Assert.Equal("fn-key", request.Header(FunctionSchedulerClient.FunctionKeyHeader));
        Assert.Null(request.Header(FunctionSchedulerClient.ApiKeyHeader));
    }

    [Fact]
    public async Task GetTaskAsync_ResponseWithoutProblemDocument_ThrowsWithStatusAndNoErrors()
    {
        var client = Create(options =>
        {
            options.Endpoint = _server.BaseAddress;
            options.ApiKey = "api-key";
        });

        var exception = await Assert.ThrowsAsync<FunctionSchedulerException>(() => client.GetTaskAsync("t1"));

        Assert.Equal(418, exception.Status);
        Assert.Null(exception.Problem);
        Assert.Empty(exception.Errors);
        Assert.Equal("api-key", Assert.Single(_server.Requests).Header(FunctionSchedulerClient.ApiKeyHeader));
    }

    [Fact]
    public async Task GetTaskAsync_NothingListening_ThrowsWithStatusZeroAndTheTransportError()
    {
        var closedPort = LoopbackPorts.Closed();
        using var http = new HttpClient();
        var client = new FunctionSchedulerClient(http, new FunctionSchedulerClientOptions { Endpoint = new Uri($"http://127.0.0.1:{closedPort}") });

        var exception = await Assert.ThrowsAsync<FunctionSchedulerException>(() => client.GetTaskAsync("t1"));

        Assert.Equal(0, exception.Status);
        Assert.IsType<HttpRequestException>(exception.InnerException);
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _server.DisposeAsync();
    }

    private FunctionSchedulerClient Create(Action<FunctionSchedulerClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddFunctionSchedulerClient(configure);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<FunctionSchedulerClient>();
    }
}
