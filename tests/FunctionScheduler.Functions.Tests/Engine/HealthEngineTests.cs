using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Functions.Tests.Fakes;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using FunctionScheduler.Testing.Timing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Functions.Tests.Engine;

/// <summary>
/// Response checks, the failure action and auto-pause in the Functions runtime on the real Durable Task engine (in
/// memory) and the real clock, against real loopback receivers, with two signing keys in force (a rotation): the
/// fire activity checks the body, records the failed run, notifies and pauses through the same core code as the
/// standalone host.
/// </summary>
public sealed class HealthEngineTests : IAsyncLifetime
{
    private const string OldSecret = "old signing secret of more than 32 bytes";
    private const string NewSecret = "new signing secret of more than 32 bytes";
    private const string HookSecret = "hook secret that must never be read back";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly string _tablePrefix = AzuriteStorage.NewTablePrefix("enginehealth");
    private ILoggerFactory _loggers = null!;
    private LoopbackTarget _target = null!;
    private DurableEngine _engine = null!;

    private LogCounter Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _loggers = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Warning));
        _target = await LoopbackTarget.StartAsync(endpoints =>
        {
            endpoints.MapPost("/broken", TargetBehaviors.Status(200, "{\"status\":\"error\"}"));
            endpoints.MapPost("/alerts", TargetBehaviors.Status(202));
        });
        var settings = DurableEngine.RotationSettings(_tablePrefix, OldSecret, NewSecret);
        _engine = await DurableEngine.StartAsync(EngineBackends.InMemory(_loggers), new FunctionTasks(), settings, Logs);
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        await _target.DisposeAsync();
        await DurableEngine.DeleteTablesAsync(_tablePrefix);
        _loggers.Dispose();
    }

    [Fact]
    public async Task TargetAnswering200WithTheWrongBody_EachRunFailsTheCheck_SignedNotificationsThenPausedAfterTwo()
    {
        var body = JsonSerializer.Serialize(new
        {
            id = "wrong-body",
            schedule = new { cron = "* * * * * *" },
            target = new
            {
                url = _target.UrlFor("/broken").ToString(),
                success = new { body = new { jsonPointer = "/status", equals = "ok" } },
                retry = new { maxAttempts = 1 },
            },
            failureAction = new { url = _target.UrlFor("/alerts").ToString(), secretHeaders = new Dictionary<string, string> { ["X-Hook-Key"] = HookSecret } },
            autoPauseAfter = 2,
        });
        await SendAsync("POST", "/api/tasks", body, 201);

        Assert.True(
            await Eventually.TrueAsync(async () => (await ReadAsync("/api/tasks/wrong-body"))?["state"]?["lifecycle"]?.GetValue<string>() == "paused", Bound),
            "The task was not paused.");

        // Paused: the broken target is left alone. An occurrence claimed together with the second (a late timer's
        // catch-up on a loaded machine) still fires, as under a user's pause; nothing is claimed after it.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var calls = _target.RequestsTo("/broken").Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(calls, _target.RequestsTo("/broken").Count);
        Assert.InRange(calls, 2, 4);

        // Every run failed the body check, not the status; each has its notification's outcome and signing keys.
        JsonArray runs = [];
        Assert.True(
            await Eventually.TrueAsync(async () => (runs = (await ReadAsync("/api/tasks/wrong-body/runs"))!["items"]!.AsArray()).Count == calls
                && runs.All(run => run?["notification"]?["status"]?.GetValue<string>() == "succeeded"), Bound),
            "The failed runs were not recorded with their notifications.");
        var task = (await ReadAsync("/api/tasks/wrong-body"))!;
        Assert.Equal(("paused", "consecutiveFailures"), (task["state"]!["lifecycle"]!.GetValue<string>(), task["state"]!["pausedReason"]!.GetValue<string>()));
        Assert.Equal(calls, task["state"]!["health"]!["consecutiveFailures"]!.GetValue<long>());
        Assert.All(runs, run => Assert.Equal(("failed", "assertion", 200), (run!["status"]!.GetValue<string>(), run["errorClass"]!.GetValue<string>(), run["httpStatus"]!.GetValue<int>())));
        Assert.All(runs, run => Assert.Equal(["key-old", "key-new"], run!["notification"]!["signingKeyIds"]!.AsArray().Select(k => (string?)k)));

        // The receiver got one notification per failed run, signed by both keys, carrying the action's secret header.
        var alerts = _target.RequestsTo("/alerts");
        Assert.Equal(calls, alerts.Count);
        Assert.Equal(
            runs.Select(run => run!["runId"]!.GetValue<string>() + ":runFailed").Order(),
            alerts.Select(alert => alert.Header(SchedulerHeaders.RunId)!).Order());
        foreach (var alert in alerts)
        {
            Assert.Equal("runFailed", alert.Header(SchedulerHeaders.Event));
            Assert.Equal("key-old,key-new", alert.Header(SchedulerHeaders.KeyId));
            Assert.Equal(HookSecret, alert.Header("X-Hook-Key"));
            foreach (var secret in (string[])[OldSecret, NewSecret])
            {
                Assert.Equal(SignatureCheck.Valid, new SignatureVerifier(secret).Verify(alert.Header(SchedulerHeaders.Signature), alert.Header(SchedulerHeaders.RunId), alert.Body));
            }
        }

        var payloads = alerts.Select(a => SchedulerJson.Deserialize<FailureNotification>(a.Body)!).OrderBy(p => p.ConsecutiveFailures).ToList();
        Assert.Equal(Enumerable.Range(1, calls).Select(n => (long)n), payloads.Select(p => p.ConsecutiveFailures));
        Assert.Equal(TaskLifecycle.Active, payloads[0].Lifecycle);
        Assert.Equal((TaskLifecycle.Paused, PausedReason.ConsecutiveFailures), (payloads[1].Lifecycle, payloads[1].PausedReason));
        Assert.All(payloads, p => Assert.Equal(RunErrorClass.Assertion, p.Run!.ErrorClass));

        // The action's secret is in no read.
        foreach (var path in (string[])["/api/tasks/wrong-body", "/api/tasks/wrong-body/runs", "/api/tasks/wrong-body/versions/1", "/api/tasks/export"])
        {
            var read = (await _engine.Host.SendAsync("GET", path, _engine.Client)).BodyText;
            Assert.True(path.EndsWith("/runs", StringComparison.Ordinal) || read.Contains("X-Hook-Key", StringComparison.Ordinal), $"{path} does not name the secret header: {read}");
            Assert.DoesNotContain(HookSecret, read, StringComparison.Ordinal);
        }

        Assert.True(Logs.Errors.Count == 0, string.Join(Environment.NewLine, Logs.Errors.Take(3)));
    }

    private async Task<JsonNode?> ReadAsync(string path)
    {
        var response = await _engine.Host.SendAsync("GET", path, _engine.Client);
        return (int)response.StatusCode == 200 ? JsonNode.Parse(response.BodyText) : null;
    }

    private async Task SendAsync(string method, string path, string? body, int expected)
    {
        var response = await _engine.Host.SendAsync(method, path, _engine.Client, body);
        Assert.True(expected == (int)response.StatusCode, $"{method} {path} answered {(int)response.StatusCode}: {response.BodyText}");
    }
}
