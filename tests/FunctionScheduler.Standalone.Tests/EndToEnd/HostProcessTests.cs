using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Timing;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>
/// The host as scripts/run.sh starts it: its own process (<c>dotnet FunctionScheduler.Standalone.dll</c>) in the
/// Development environment, from a working directory that is not its folder. It still reads its appsettings.json,
/// so requests, with their URLs and query strings, are not logged.
/// </summary>
public sealed partial class HostProcessTests : IAsyncLifetime
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

        Assert.Contains("Content root path: " + HostFolder(), output, StringComparison.Ordinal);
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
        var dll = Path.Combine(HostFolder(), "FunctionScheduler.Standalone.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; the test project's build makes it.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _elsewhere,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { dll, "--urls", "http://127.0.0.1:0" },
        };
        foreach (var (name, value) in Settings().Concat(environment))
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var host = new Process { StartInfo = start };
        host.OutputDataReceived += (_, e) => Append(output, e.Data);
        host.ErrorDataReceived += (_, e) => Append(output, e.Data);
        Assert.True(host.Start());
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            Uri? address = null;
            Assert.True(
                await Eventually.TrueAsync(() => host.HasExited || (address = Listening(Text(output))) is not null, Bound),
                "The host did not start listening:" + Environment.NewLine + Text(output));
            Assert.False(host.HasExited, "The host exited:" + Environment.NewLine + Text(output));

            using var client = new HttpClient { BaseAddress = address, Timeout = Bound };
            client.DefaultRequestHeaders.Add("X-Api-Key", StandaloneTestHost.ApiKey);
            using var response = await client.GetAsync($"api/tasks?group={_probe}");
            Assert.Equal(200, (int)response.StatusCode);
        }
        finally
        {
            await StopAsync(host);
        }

        return Text(output);
    }

    private static async Task StopAsync(Process host)
    {
        if (!host.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await host.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            host.Kill(entireProcessTree: true);
            throw;
        }
    }

    private IEnumerable<(string, string)> Settings() =>
    [
        ("ASPNETCORE_ENVIRONMENT", "Development"),
        ("Scheduler__Storage__ConnectionString", AzuriteStorage.ConnectionString),
        ("Scheduler__Storage__TablePrefix", _prefix),
        ("Scheduler__Signing__KeyId", "test"),
        ("Scheduler__Signing__Secret", "test-signing-secret-0123456789abcdef"),
        ("Scheduler__Standalone__ApiKey", StandaloneTestHost.ApiKey),
        ("Scheduler__Standalone__ConsoleTelemetry", "false"),
        ("Scheduler__Standalone__Dispatcher__ShutdownGrace", "00:00:05"),
    ];

    // The standalone project's own build output, beside this test project's: the folder scripts/run.sh runs.
    private static string HostFolder()
    {
        var testFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testFolder.Name;
        var configuration = testFolder.Parent!.Name;
        var root = testFolder;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "FunctionScheduler.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return Path.Combine(root.FullName, "src", "FunctionScheduler.Standalone", "bin", configuration, framework) + Path.DirectorySeparatorChar;
    }

    private static Uri? Listening(string output) =>
        ListeningRegex().Match(output) is { Success: true } match ? new Uri(match.Groups[1].Value + "/") : null;

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:[0-9]+)")]
    private static partial Regex ListeningRegex();
}
