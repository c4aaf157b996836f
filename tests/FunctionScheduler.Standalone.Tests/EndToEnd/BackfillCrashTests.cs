using System.Globalization;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using FunctionScheduler.Testing.Timing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>
/// A backfill survives the loss of the host that runs it: the host is its own process, killed while it delivers an
/// occurrence; another host on the same index takes the claim over when its lease lapses and continues the window
/// from the cursor stored in the task's state.
/// </summary>
public sealed class BackfillCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // Both hosts: the shortest claim the dispatcher allows, and resyncs often enough to see a lapsed claim soon.
    private static readonly Dictionary<string, string?> Dispatcher = new()
    {
        ["Scheduler:Standalone:Dispatcher:ClaimLease"] = "00:00:05",
        ["Scheduler:Standalone:Dispatcher:ResyncInterval"] = "00:00:01",
    };

    private readonly string _prefix = AzuriteStorage.NewTablePrefix("crash");
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("scheduler-crash-").FullName;
    private LoopbackTarget _target = null!;

    public async Task InitializeAsync() => _target = await LoopbackTarget.StartAsync(endpoints => endpoints.MapPost("/slow", async context =>
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5), context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }));

    public async Task DisposeAsync()
    {
        await _target.DisposeAsync();
        Directory.Delete(_workingDirectory, recursive: true);
        await StandaloneTestHost.DeleteTablesAsync(_prefix);
    }

    [Fact]
    public async Task HostKilledMidBackfill_AnotherHostContinuesFromTheStoredCursor_EachOccurrenceOnceOldestFirst()
    {
        var from = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(-10);
        var expected = Enumerable.Range(0, 8).Select(i => from.AddMinutes(i)).ToList();
        var lost = await HostProcess.StartAsync(_workingDirectory, ProcessSettings(), Bound);
        await using (lost)
        {
            using var client = new HttpClient { BaseAddress = lost.Address, Timeout = Bound };
            client.DefaultRequestHeaders.Add("X-Api-Key", StandaloneTestHost.ApiKey);
            await SendAsync(client, HttpMethod.Post, "api/tasks", TaskBody());
            await SendAsync(client, HttpMethod.Post, "api/tasks/late/pause", null);
            await SendAsync(client, HttpMethod.Post, "api/tasks/late/backfill",
                "{\"from\":\"" + from.ToString("O", CultureInfo.InvariantCulture) + "\",\"to\":\"" + expected[^1].ToString("O", CultureInfo.InvariantCulture) + "\"}");

            // The third request is held by the target for 1.5 s: kill the host while it waits for the answer.
            Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/slow").Count >= 3, Bound), "The backfill did not start:" + Environment.NewLine + lost.Output);
            await lost.KillAsync();
        }

        var interrupted = TargetFire.From(_target.RequestsTo("/slow")).OrderBy(f => f.ReceivedAt).Last();
        await using var successor = await StandaloneTestHost.StartAsync(_prefix, Dispatcher);
        var store = successor.Services.GetRequiredService<ITaskStore>();
        Assert.True(
            await Eventually.TrueAsync(async () => (await store.GetAsync("late"))?.State.Backfill?.Status == BackfillStatus.Completed, TimeSpan.FromSeconds(90)),
            "The other host did not finish the backfill.");

        var fires = TargetFire.From(_target.RequestsTo("/slow"));
        var firstDeliveries = fires.GroupBy(f => f.ScheduledAt).Select(g => (ScheduledAt: g.Key, At: g.Min(f => f.ReceivedAt))).OrderBy(d => d.At).ToList();
        output.WriteLine($"Killed while delivering {interrupted.ScheduledAt:O}: {fires.Count} requests for {firstDeliveries.Count} occurrences");
        Assert.Equal(expected, firstDeliveries.Select(d => d.ScheduledAt));
        Assert.All(fires.GroupBy(f => f.ScheduledAt), g => Assert.Single(g.Select(f => f.RunId).Distinct()));
        Assert.Equal(2, fires.Count(f => f.ScheduledAt == interrupted.ScheduledAt)); // delivered again, with its run id
        var task = (await store.GetAsync("late"))!;
        Assert.Equal((8, 0), (task.State.Backfill!.Fired, task.State.Backfill.Skipped));
        Assert.Empty(task.State.InFlight);
        var runs = (await successor.Services.GetRequiredService<IRunLog>().ListAsync("late", 100, null)).Items;
        Assert.Equal(expected.AsEnumerable().Reverse(), runs.Select(r => r.Occurrence.ScheduledAt));
        Assert.All(runs, r => Assert.Equal((OccurrenceKind.Backfill, RunStatus.Succeeded), (r.Occurrence.Kind, r.Status)));
    }

    private string TaskBody() =>
        "{\"id\":\"late\",\"schedule\":{\"cron\":\"* * * * *\"},\"target\":{\"url\":\"" + _target.UrlFor("/slow") + "\",\"timeout\":\"PT5S\",\"retry\":{\"maxAttempts\":1}}}";

    private static async Task SendAsync(HttpClient client, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private IEnumerable<(string, string)> ProcessSettings() =>
    [
        ("ASPNETCORE_ENVIRONMENT", "Development"),
        ("Scheduler__Storage__ConnectionString", AzuriteStorage.ConnectionString),
        ("Scheduler__Storage__TablePrefix", _prefix),
        ("Scheduler__Storage__RequestTimeout", AzuriteStorage.RequestTimeoutSetting),
        ("Scheduler__Signing__KeyId", "test"),
        ("Scheduler__Signing__Secret", "test-signing-secret-0123456789abcdef"),
        ("Scheduler__Targets__AllowedNetworks__0", "127.0.0.1"),
        ("Scheduler__Standalone__ApiKey", StandaloneTestHost.ApiKey),
        ("Scheduler__Standalone__ConsoleTelemetry", "false"),
        .. Dispatcher.Select(s => (s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value!)),
    ];
}
