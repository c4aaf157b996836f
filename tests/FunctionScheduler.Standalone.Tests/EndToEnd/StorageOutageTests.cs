using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>
/// A storage account that accepts connections and never answers (a paused Azurite, a black-holed network): every
/// route that needs the index answers a 503 problem within the storage request timeout, instead of
/// holding the caller. The asserted bound is far above the timeout and far below the SDK's own 100 s.
/// </summary>
public sealed class StorageOutageTests
{
    private static readonly TimeSpan FarBelowTheSdksOwn = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string> Routes() => new()
    {
        { "GET", "api/tasks/some-task" },
        { "GET", "api/tasks" },
        { "POST", "api/tasks" },
        { "POST", "api/tasks/some-task/pause" },
        { "GET", "api/tasks/some-task/runs" },
        { "GET", "api/health" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_StorageNeverAnswers_503ProblemWithinTheRequestTimeout(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST" && path == "api/tasks")
        {
            request.Content = TaskBodies.Json(TaskBodies.Dormant("some-task", new Uri("https://target.example/hook")));
        }

        await using var storage = new SilentListener();
        await using var host = await StandaloneTestHost.StartAsync(
            AzuriteStorage.NewTablePrefix("outage"),
            new Dictionary<string, string?> { ["Scheduler:Storage:RequestTimeout"] = "00:00:01" },
            connectionString: AzuriteStorage.ConnectionStringOnPort(storage.Port));

        var started = Stopwatch.GetTimestamp();
        using var response = await host.Client.SendAsync(request);
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Problems.UnavailableType, problem.RootElement.GetProperty("type").GetString());
        Assert.InRange(elapsed, TimeSpan.Zero, FarBelowTheSdksOwn);
    }
}
