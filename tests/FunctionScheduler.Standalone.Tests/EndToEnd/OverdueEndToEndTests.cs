using System.Text.Json.Nodes;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using FunctionScheduler.Testing.Timing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>
/// Overdue detection and auto-pause in the real host on the real clock, with a real target and a real failure action
/// receiver on 127.0.0.1: the resync notices what a stopped instance left undone.
/// </summary>
public sealed class OverdueEndToEndTests : IAsyncLifetime
{
    private const string SigningSecret = "test-signing-secret-0123456789abcdef";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static readonly Dictionary<string, string?> FastResync = new()
    {
        ["Scheduler:Standalone:Dispatcher:ResyncInterval"] = "00:00:01",
    };

    private readonly string _prefix = AzuriteStorage.NewTablePrefix("overdue");
    private LoopbackTarget _target = null!;

    public async Task InitializeAsync() => _target = await LoopbackTarget.StartAsync(endpoints =>
    {
        endpoints.MapPost("/job", TargetBehaviors.Status(200, "done"));
        endpoints.MapPost("/broken", TargetBehaviors.Status(200, "{\"status\":\"error\"}"));
        endpoints.MapPost("/alerts", TargetBehaviors.Status(204));
    });

    public async Task DisposeAsync()
    {
        await _target.DisposeAsync();
        await StandaloneTestHost.DeleteTablesAsync(_prefix);
    }

    [Fact]
    public async Task ClaimOfAStoppedInstance_ResyncMarksOverdueAndNotifiesOnce_ThenTheTakeoverRunsItAndClearsTheMark()
    {
        await using var host = await StandaloneTestHost.StartAsync(_prefix, FastResync);
        var body = TaskBodies.Dormant("orphaned", _target.UrlFor("/job"));
        body["overdueTolerance"] = "PT1S";
        body["failureAction"] = new JsonObject { ["url"] = _target.UrlFor("/alerts").ToString() };
        (await host.Client.PostAsync("api/tasks", TaskBodies.Json(body))).EnsureSuccessStatusCode();

        // Another instance claimed a run-now two seconds ago, for eight seconds, and stopped without recording it.
        var store = host.Services.GetRequiredService<ITaskStore>();
        var task = (await store.GetAsync("orphaned"))!;
        var requestedAt = DateTimeOffset.UtcNow.AddSeconds(-2);
        var orphan = new ClaimedOccurrence(Occurrence.Manual(requestedAt), "stopped-instance", requestedAt.AddSeconds(10), 1);
        await store.UpdateStateAsync(task, task.State with { InFlight = [orphan] });
        var runId = RunId.For("orphaned", orphan.Occurrence, 1);

        Assert.True(await Eventually.TrueAsync(async () => (await ReadAsync(host, "orphaned"))?["state"]?["health"]?["overdueSince"] is not null, Bound), "The task was not marked overdue.");
        var health = (await ReadAsync(host, "orphaned"))!["state"]!["health"]!;
        Assert.Equal(requestedAt.AddSeconds(1), health["overdueSince"]!.GetValue<DateTimeOffset>());
        Assert.Equal(runId, health["overdue"]!["runId"]!.GetValue<string>());

        // The claim lapses, the dispatcher takes it over and fires it, and the mark clears with the record.
        Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/job").Count == 1, Bound), "The orphaned run-now was not taken over.");
        Assert.True(await Eventually.TrueAsync(async () => (await ReadAsync(host, "orphaned"))?["state"]?["health"]?["overdueSince"] is null, Bound), "The mark did not clear.");
        Assert.Equal(runId, _target.RequestsTo("/job")[0].Header(SchedulerHeaders.RunId));

        // Resyncs every second went on all along: still one notification, signed like every call.
        var alert = Assert.Single(_target.RequestsTo("/alerts"));
        Assert.Equal(runId + ":overdue", alert.Header(SchedulerHeaders.RunId));
        Assert.Equal("overdue", alert.Header(SchedulerHeaders.Event));
        Assert.Equal(SignatureCheck.Valid, new SignatureVerifier(SigningSecret).Verify(alert.Header(SchedulerHeaders.Signature), alert.Header(SchedulerHeaders.RunId), alert.Body));
        var payload = SchedulerJson.Deserialize<FailureNotification>(alert.Body)!;
        Assert.Equal(NotificationEvent.Overdue, payload.Event);
        Assert.Equal(requestedAt.AddSeconds(1), payload.Overdue!.Since);
        Assert.Equal(OccurrenceKind.Manual, payload.Overdue.Kind);
    }

    [Fact]
    public async Task TargetAnswering200WithTheWrongBody_FailsEachRunAndPausesAfterTwo()
    {
        await using var host = await StandaloneTestHost.StartAsync(_prefix);
        var body = TaskBodies.EverySecond("wrong-body", _target.UrlFor("/broken"));
        body["target"]!["success"] = JsonNode.Parse("""{ "body": { "jsonPointer": "/status", "equals": "ok" } }""");
        body["autoPauseAfter"] = 2;
        (await host.Client.PostAsync("api/tasks", TaskBodies.Json(body))).EnsureSuccessStatusCode();

        Assert.True(await Eventually.TrueAsync(async () => (await ReadAsync(host, "wrong-body"))?["state"]?["lifecycle"]?.GetValue<string>() == "paused", Bound), "The task was not paused.");
        var state = (await ReadAsync(host, "wrong-body"))!["state"]!;
        Assert.Equal("consecutiveFailures", state["pausedReason"]!.GetValue<string>());

        // Paused after the second failure. An occurrence claimed before the pause was written still fires (as with a
        // user's pause, docs/semantics.md §10), which a late wake-up on a loaded machine can make happen: so two runs
        // or more, every one of them failed by the check and counted in the streak, and none after the pause.
        var calls = _target.RequestsTo("/broken").Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(calls, _target.RequestsTo("/broken").Count);
        var runs = JsonNode.Parse(await host.Client.GetStringAsync("api/tasks/wrong-body/runs"))!["items"]!.AsArray();
        Assert.InRange(runs.Count, 2, 3);
        Assert.Equal(runs.Count, calls);
        state = (await ReadAsync(host, "wrong-body"))!["state"]!;
        Assert.Equal(runs.Count, state["health"]!["consecutiveFailures"]!.GetValue<long>());
        Assert.All(runs, run => Assert.Equal("assertion", run!["errorClass"]!.GetValue<string>()));
        Assert.All(runs, run => Assert.Equal(200, run!["httpStatus"]!.GetValue<int>()));
    }

    private static async Task<JsonNode?> ReadAsync(StandaloneTestHost host, string id)
    {
        using var response = await host.Client.GetAsync("api/tasks/" + id);
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }
}
