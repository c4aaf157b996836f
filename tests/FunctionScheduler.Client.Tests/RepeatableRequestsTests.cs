using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace FunctionScheduler.Client.Tests;

/// <summary>
/// The standard resilience handler as AddFunctionSchedulerClient wires it, against a loopback server that always
/// answers 503 (a transient fault): requests that are safe to repeat are retried, create and run-now never are.
/// </summary>
public sealed class RepeatableRequestsTests : IAsyncLifetime
{
    private const int StandardAttempts = 4; // the first try and the standard handler's 3 retries
    private LoopbackTarget _server = null!;
    private ServiceProvider _provider = null!;
    private FunctionSchedulerClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackTarget.StartAsync(endpoints => endpoints.Map("/{**path}", Unavailable));
        var services = new ServiceCollection();
        services.AddFunctionSchedulerClient(options => options.Endpoint = _server.BaseAddress);

        // Only the delays change, so the test does not wait out real backoff; the retry predicate is the one shipped.
        services.PostConfigure<HttpStandardResilienceOptions>(
            nameof(FunctionSchedulerClient) + "-standard",
            options =>
            {
                options.Retry.Delay = TimeSpan.FromMilliseconds(1);
                options.Retry.UseJitter = false;
                options.CircuitBreaker.MinimumThroughput = 1000;
            });
        _provider = services.BuildServiceProvider();
        _client = _provider.GetRequiredService<FunctionSchedulerClient>();
    }

    [Theory]
    [InlineData("GET", "/api/tasks/t1")]
    [InlineData("PUT", "/api/tasks/t1")]
    [InlineData("DELETE", "/api/tasks/t1")]
    [InlineData("POST", "/api/tasks/t1/pause")]
    [InlineData("POST", "/api/tasks/t1/resume")]
    [InlineData("GET", "/api/tasks/t1/runs")]
    public async Task Send_RepeatableRequestMeetsTransientFault_IsRetried(string method, string path)
    {
        var exception = await Assert.ThrowsAsync<FunctionSchedulerException>(() => Call(method, path));

        Assert.Equal(503, exception.Status);
        Assert.Equal(StandardAttempts, _server.RequestsTo(path).Count(request => request.Method == method));
    }

    [Theory]
    [InlineData("POST", "/api/tasks")]
    [InlineData("POST", "/api/tasks/t1/run")]
    public async Task Send_NonIdempotentPostMeetsTransientFault_IsSentOnce(string method, string path)
    {
        var exception = await Assert.ThrowsAsync<FunctionSchedulerException>(() => Call(method, path));

        Assert.Equal(503, exception.Status);
        Assert.Single(_server.RequestsTo(path), request => request.Method == method);
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static async Task Unavailable(HttpContext context)
    {
        context.Response.StatusCode = 503;
        await context.Response.WriteAsync("busy");
    }

    private Task Call(string method, string path)
    {
        var definition = TaskBuilder.Interval(TimeSpan.FromMinutes(1)).Calls("https://example.com/hook").Build();
        return (method, path) switch
        {
            ("GET", "/api/tasks/t1") => _client.GetTaskAsync("t1"),
            ("PUT", _) => _client.PutTaskAsync("t1", definition),
            ("DELETE", _) => _client.DeleteTaskAsync("t1"),
            ("POST", "/api/tasks/t1/pause") => _client.PauseTaskAsync("t1"),
            ("POST", "/api/tasks/t1/resume") => _client.ResumeTaskAsync("t1"),
            ("GET", "/api/tasks/t1/runs") => _client.GetRunsAsync("t1").AsPages().GetAsyncEnumerator().MoveNextAsync().AsTask(),
            ("POST", "/api/tasks") => _client.CreateTaskAsync(definition),
            ("POST", "/api/tasks/t1/run") => _client.RunTaskNowAsync("t1"),
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, "No such route."),
        };
    }
}
