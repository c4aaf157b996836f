using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Azurite;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>
/// The host as scripts/run.sh starts it: its own process (<c>dotnet FunctionScheduler.Standalone.dll</c>) in the
/// Development environment, from a working directory that is not its folder. It still reads its appsettings.json,
/// so requests, with their URLs and query strings, are not logged.
/// </summary>
public sealed class HostProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly string _prefix = AzuriteStorage.NewTablePrefix("proc");
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("scheduler-cwd-").FullName;
    private readonly string _probe = "probe" + Guid.NewGuid().ToString("N");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Directory.Delete(_elsewhere, recursive: true);
        await StandaloneTestHost.DeleteTablesAsync(_prefix);
    }

    [Fact]
    public async Task Start_FromAnotherWorkingDirectory_ReadsItsAppSettingsAndLogsNoRequest()
    {
        var output = await RunHostAsync();

        Assert.Contains("Content root path: " + HostProcess.Folder(), output, StringComparison.Ordinal);
        Assert.DoesNotContain(_probe, output, StringComparison.Ordinal);
    }

    // Shows that the test above would see a logged request: the same run with request logging turned on.
    [Fact]
    public async Task Start_RequestLoggingTurnedOnByEnvironment_LogsTheRequestWithItsQuery()
    {
        var output = await RunHostAsync(("Logging__LogLevel__Microsoft.AspNetCore", "Information"));

        Assert.Contains(_probe, output, StringComparison.Ordinal);
    }

    // Starts the host, sends one request with the probe in its query, stops the host gracefully (so that every log
    // line is written) and returns everything it wrote.
    private async Task<string> RunHostAsync(params (string Name, string Value)[] environment)
    {
        var host = await HostProcess.StartAsync(_elsewhere, Settings().Concat(environment), Bound);
        await using (host)
        {
            using var client = new HttpClient { BaseAddress = host.Address, Timeout = Bound };
            client.DefaultRequestHeaders.Add("X-Api-Key", StandaloneTestHost.ApiKey);
            using var response = await client.GetAsync($"api/tasks?group={_probe}");
            Assert.Equal(200, (int)response.StatusCode);
            await host.StopAsync(Bound);
            return host.Output;
        }
    }

    private IEnumerable<(string, string)> Settings() =>
    [
        ("ASPNETCORE_ENVIRONMENT", "Development"),
        ("Scheduler__Storage__ConnectionString", AzuriteStorage.ConnectionString),
        ("Scheduler__Storage__TablePrefix", _prefix),
        ("Scheduler__Storage__RequestTimeout", AzuriteStorage.RequestTimeoutSetting),
        ("Scheduler__Signing__KeyId", "test"),
        ("Scheduler__Signing__Secret", "test-signing-secret-0123456789abcdef"),
        ("Scheduler__Standalone__ApiKey", StandaloneTestHost.ApiKey),
        ("Scheduler__Standalone__ConsoleTelemetry", "false"),
        ("Scheduler__Standalone__Dispatcher__ShutdownGrace", "00:00:05"),
    ];
}
