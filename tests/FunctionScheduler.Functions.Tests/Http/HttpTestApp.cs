using System.Text.Json;
using FunctionScheduler.Functions.Tests.Fakes;
using FunctionScheduler.Testing.Conformance;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FunctionScheduler.Functions.Tests.Http;

/// <summary>
/// The HTTP functions over the real core and Azurite, with a Moq <see cref="DurableTaskClient"/> as the
/// [DurableClient] binding: no orchestration runs, and each test sees exactly what the notifier asked of Durable.
/// By default the client knows no instance, so a change that needs one starts it.
/// </summary>
internal sealed class HttpTestApp : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 20, TimeSpan.Zero);

    private readonly TestApp _app;

    public HttpTestApp(Action<IServiceCollection>? replace = null)
    {
        var clock = new FakeTimeProvider(Start);
        _app = new TestApp(clock, new ScriptedTarget(clock), replace: replace);
        Client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), false, It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null);
        Client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) => options!.InstanceId!);
    }

    public Mock<DurableTaskClient> Client { get; } = new("test");

    public TestApp App => _app;

    public Task<TestHttpResponse> SendAsync(string method, string path, string? body = null, string? contentType = "application/json") =>
        _app.Host.SendAsync(method, path, Client.Object, body, contentType);

    /// <summary>The instance the client reports for <paramref name="instanceId"/> from now on.</summary>
    public void InstanceIs(string instanceId, OrchestrationRuntimeStatus status) =>
        Client.Setup(c => c.GetInstanceAsync(instanceId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata("TaskOrchestrator", instanceId) { RuntimeStatus = status });

    public async Task CreateAsync(string id, string cron = "* * * * *")
    {
        var response = await SendAsync("POST", "/api/tasks", Task(id, cron));
        Assert.Equal(201, (int)response.StatusCode);
    }

    public static string Task(string id, string cron = "* * * * *", string group = "default") =>
        JsonSerializer.Serialize(new { id, group, cron, url = "https://target.example/hook" });

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
