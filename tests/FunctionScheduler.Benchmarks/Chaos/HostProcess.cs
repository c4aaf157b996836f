using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace FunctionScheduler.Benchmarks.Chaos;

/// <summary>
/// One standalone host as a child process (<c>dotnet FunctionScheduler.Standalone.dll</c>) on 127.0.0.1, over the
/// harness's Azurite, its output in a log file. Killed (SIGKILL) or stopped (SIGTERM) by its own PID only.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    public const string ApiKey = "chaos-harness-api-key-0123456789";

    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(Process process, StreamWriter log, int slot, Uri baseAddress)
    {
        _process = process;
        _log = log;
        Slot = slot;
        BaseAddress = baseAddress;
        ProcessId = process.Id;
    }

    public int Slot { get; }

    public int ProcessId { get; }

    public Uri BaseAddress { get; }

    /// <summary>The claimant id the host writes into its claims (from its health answer).</summary>
    public string InstanceId { get; private set; } = "";

    public bool HasExited => _process.HasExited;

    public static async Task<HostProcess> StartAsync(
        string hostDll, int slot, IReadOnlyDictionary<string, string> settings, string logFolder, HttpClient http, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        };
        start.ArgumentList.Add(hostDll);
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        var log = new StreamWriter(Path.Combine(logFolder, $"host{slot}-{process.Id}.log")) { AutoFlush = true };
        var writer = TextWriter.Synchronized(log);
        process.OutputDataReceived += (_, e) => writer.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => writer.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, log, slot, baseAddress);
        try
        {
            await host.WaitHealthyAsync(http, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>kill -9: no shutdown, no last heartbeat, claims left as they were.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    /// <summary>SIGTERM, then waits for the exit (the host drains its fires); SIGKILL if it takes longer than <paramref name="bound"/>.</summary>
    public async Task<bool> StopAsync(TimeSpan bound)
    {
        await Signals.SendAsync(ProcessId, "TERM");
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private async Task WaitHealthyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + StartBound;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Host {Slot} exited at start with code {_process.ExitCode}; see its log.");
            }

            try
            {
                // With the key: the health answer names the instance only to an authenticated caller.
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, "api/health"));
                request.Headers.Add("X-Api-Key", ApiKey);
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                    InstanceId = health.RootElement.GetProperty("instance").GetString() ?? "";
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new TimeoutException($"Host {Slot} was not healthy within {StartBound}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
