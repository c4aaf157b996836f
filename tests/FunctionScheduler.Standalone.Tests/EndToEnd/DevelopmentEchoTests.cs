using System.Net;
using System.Text;
using System.Text.Json;
using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Timing;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>
/// The first-run example of scripts/run.sh: in the Development environment the host answers at /dev/echo, checking
/// the signature with its own key, so a task that calls it and is run now shows a succeeded run within seconds.
/// </summary>
public sealed class DevelopmentEchoTests : IAsyncLifetime
{
    private readonly string _prefix = AzuriteStorage.NewTablePrefix("echo");
    private StandaloneTestHost _host = null!;

    public async Task InitializeAsync() => _host = await StandaloneTestHost.StartAsync(_prefix, environment: "Development");

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await StandaloneTestHost.DeleteTablesAsync(_prefix);
    }

    [Fact]
    public async Task RunNow_TaskCallingTheEcho_SucceedsWithTheSignatureVerified()
    {
        var body = $$$"""{"schedule":{"cron":"* * * * *"},"target":{"url":"{{{new Uri(_host.BaseAddress, "/dev/echo")}}}"}}""";
        using (var put = await _host.Client.PutAsync("api/tasks/hello", new StringContent(body, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            using var task = JsonDocument.Parse(await put.Content.ReadAsStringAsync());
            Assert.False(task.RootElement.TryGetProperty("warnings", out _), "127.0.0.1 is allowed in this host: no warning.");
        }

        using (var run = await _host.Client.PostAsync("api/tasks/hello/run", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        }

        JsonElement? manual = null;
        Assert.True(await Eventually.TrueAsync(() => (manual = ManualRun()) is not null, TimeSpan.FromSeconds(30)), "The run-now was never recorded.");
        Assert.Equal("succeeded", manual!.Value.GetProperty("status").GetString());
        Assert.Equal(200, manual.Value.GetProperty("httpStatus").GetInt32());
        Assert.Contains("\"signature\":\"valid\"", manual.Value.GetProperty("responseSnippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echo_UnsignedRequest_401NamingTheCheck()
    {
        using var response = await _host.Client.PostAsync("dev/echo", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"signature\":\"missing\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private JsonElement? ManualRun()
    {
        var text = _host.Client.GetStringAsync("api/tasks/hello/runs").GetAwaiter().GetResult();
        using var page = JsonDocument.Parse(text);
        foreach (var run in page.RootElement.GetProperty("items").EnumerateArray())
        {
            if (run.GetProperty("kind").GetString() == "manual")
            {
                return run.Clone();
            }
        }

        return null;
    }
}
