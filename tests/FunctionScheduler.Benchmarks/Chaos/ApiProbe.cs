using System.Diagnostics;

namespace FunctionScheduler.Benchmarks.Chaos;

/// <summary>
/// Calls a host's API at a steady pace while storage is paused: a task read (needs the index) and the health
/// check, each call started on time whether or not the previous one answered, so a hang shows as a long call
/// rather than as fewer calls.
/// </summary>
internal sealed class ApiProbe(HttpClient http, Uri host, string taskId)
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);

    public async Task<IReadOnlyList<ProbeResult>> RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var calls = new List<Task<ProbeResult>>();
        var end = DateTimeOffset.UtcNow + duration;
        while (DateTimeOffset.UtcNow < end)
        {
            calls.Add(CallAsync($"api/tasks/{taskId}", cancellationToken));
            calls.Add(CallAsync("api/health", cancellationToken));
            await Task.Delay(Every, cancellationToken);
        }

        return await Task.WhenAll(calls);
    }

    private async Task<ProbeResult> CallAsync(string path, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host, path));
            request.Headers.Add("X-Api-Key", HostProcess.ApiKey);
            using var response = await http.SendAsync(request, cancellationToken);
            return new ProbeResult(path, startedAt, clock.Elapsed, (int)response.StatusCode);
        }
        catch (HttpRequestException)
        {
            return new ProbeResult(path, startedAt, clock.Elapsed, 0);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(path, startedAt, clock.Elapsed, 0);  // the client's own timeout
        }
    }
}

/// <summary>One API call during the pause: what, when, how long, and the status (0: no answer).</summary>
internal sealed record ProbeResult(string Path, DateTimeOffset StartedAt, TimeSpan Took, int Status);
