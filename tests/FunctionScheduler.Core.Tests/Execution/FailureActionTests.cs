using System.Text;
using System.Text.Json;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Notifications;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Tests.Targets;
using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Execution;

/// <summary>The failure action end to end: the executor, the real invoker and signer, Azurite, Kestrel on 127.0.0.1.</summary>
public sealed class FailureActionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 20, TimeSpan.Zero);
    private static readonly ClaimRequest ClaimA = new("instance-a", TimeSpan.FromMinutes(2));
    private static readonly ClaimRequest ClaimB = new("instance-b", TimeSpan.FromMinutes(2));

    [Fact]
    public async Task RunDueAsync_RunFailsAfterItsRetries_FailureActionGetsOneSignedCallWithTheRunRecord()
    {
        await using var server = await Server();
        using var harness = InvokerHarness.Loopback();
        var clock = new FakeTimeProvider(T0);
        await using var core = new CoreServices(clock, harness.Invoker);
        var task = await CreateAsync(core, Definition("fails", server, "/down"));
        clock.SetUtcNow(T0.AddSeconds(40));

        await core.Executor.RunDueAsync(task, ClaimA);

        var call = Assert.Single(server.RequestsTo("alerts"));
        var run = Assert.Single((await core.Runs.ListAsync("fails", 10, null)).Items);
        Assert.Equal(run.RunId + ":runFailed", call.Header(SchedulerHeaders.RunId));
        Assert.Equal("runFailed", call.Header(SchedulerHeaders.Event));
        Assert.Equal("POST", call.Method);
        Assert.Equal("application/json", call.Header("Content-Type"));
        Assert.Equal("Bearer alert-token-5521", call.Header("Authorization"));
        Assert.Equal(InvokerHarness.KeyId, call.Header(SchedulerHeaders.KeyId));
        Assert.Equal(SignatureCheck.Valid, new SignatureVerifier(InvokerHarness.Secret).Verify(call.Header(SchedulerHeaders.Signature), call.Header(SchedulerHeaders.RunId), call.Body));

        var payload = SchedulerJson.Deserialize<FailureNotification>(call.Body)!;
        Assert.Equal(NotificationEvent.RunFailed, payload.Event);
        Assert.Equal(call.Header(SchedulerHeaders.RunId), payload.NotificationId);
        Assert.Equal(run.RunId, payload.Run!.RunId);
        Assert.Equal(2, payload.Run.Attempts);
        Assert.Equal(503, payload.Run.HttpStatus);
        Assert.Equal(RunErrorClass.HttpStatus, payload.Run.ErrorClass);
        Assert.Null(payload.Run.Notification);
        Assert.Equal(1, payload.ConsecutiveFailures);
        Assert.Equal(2, server.RequestsTo("down").Count);

        Assert.Equal(NotificationStatus.Succeeded, run.Notification?.Status);
        Assert.Equal(200, run.Notification?.HttpStatus);
        Assert.Equal(1, run.Notification?.Attempts);
        Assert.Empty((await core.Store.GetAsync("fails"))!.State.InFlight);
    }

    [Fact]
    public async Task RunDueAsync_RunSucceeds_SendsNothing()
    {
        await using var server = await Server();
        using var harness = InvokerHarness.Loopback();
        var clock = new FakeTimeProvider(T0);
        await using var core = new CoreServices(clock, harness.Invoker);
        var task = await CreateAsync(core, Definition("works", server, "/ok"));
        clock.SetUtcNow(T0.AddSeconds(40));

        await core.Executor.RunDueAsync(task, ClaimA);

        Assert.Single(server.RequestsTo("ok"));
        Assert.Empty(server.RequestsTo("alerts"));
        Assert.Null(Assert.Single((await core.Runs.ListAsync("works", 10, null)).Items).Notification);
    }

    [Fact]
    public async Task FireAsync_TakeoverOfAFailedRunWhoseNotificationIsPending_SendsItWithoutCallingTheTargetAgain()
    {
        await using var server = await Server();
        using var harness = InvokerHarness.Loopback();
        var clock = new FakeTimeProvider(T0);
        await using var core = new CoreServices(clock, harness.Invoker);
        var task = await CreateAsync(core, Definition("dies", server, "/down", schedule: new { at = "2026-03-02T10:01:00Z" }));
        clock.SetUtcNow(T0.AddSeconds(40));

        // Instance A claims, calls the target, records the run with its notification pending, and dies.
        var claim = await core.Executor.ClaimDueAsync(task, ClaimA);
        var claimed = Assert.Single(claim.Claimed);
        var runId = RunId.For("dies", claimed.Occurrence, claimed.Generation);
        await core.Runs.RecordAsync(new RunRecord
        {
            TaskId = "dies",
            RunId = runId,
            Occurrence = claimed.Occurrence,
            Generation = claimed.Generation,
            Status = RunStatus.Failed,
            Attempts = 2,
            HttpStatus = 503,
            ErrorClass = RunErrorClass.HttpStatus,
            CompletedAt = clock.GetUtcNow(),
            Notification = new NotificationOutcome(NotificationIds.RunFailed(runId), NotificationStatus.Pending),
        });
        clock.Advance(TimeSpan.FromMinutes(3));

        await core.Executor.RunDueAsync((await core.Store.GetAsync("dies"))!, ClaimB);

        Assert.Empty(server.RequestsTo("down"));
        var call = Assert.Single(server.RequestsTo("alerts"));
        Assert.Equal(runId + ":runFailed", call.Header(SchedulerHeaders.RunId));
        Assert.Equal(NotificationStatus.Succeeded, (await core.Runs.GetAsync("dies", claimed.Occurrence, claimed.Generation))!.Notification?.Status);
        Assert.Empty((await core.Store.GetAsync("dies"))!.State.InFlight);
    }

    [Fact]
    public async Task RunDueAsync_FailureActionAnswersErrors_KeepsTheFailedNotificationWithTheRun()
    {
        await using var server = await Server();
        using var harness = InvokerHarness.Loopback();
        var clock = new FakeTimeProvider(T0);
        await using var core = new CoreServices(clock, harness.Invoker);
        var task = await CreateAsync(core, Definition("noisy", server, "/down", alerts: "/alerts-down"));
        clock.SetUtcNow(T0.AddSeconds(40));

        await core.Executor.RunDueAsync(task, ClaimA);

        var notification = Assert.Single((await core.Runs.ListAsync("noisy", 10, null)).Items).Notification;
        Assert.Equal(NotificationStatus.Failed, notification?.Status);
        Assert.Equal(RunErrorClass.HttpStatus, notification?.ErrorClass);
        Assert.Equal(500, notification?.HttpStatus);
        Assert.Equal(2, notification?.Attempts);
        Assert.Equal(2, server.RequestsTo("alerts-down").Count);
        Assert.Empty((await core.Store.GetAsync("noisy"))!.State.InFlight);
    }

    [Fact]
    public async Task RunDueAsync_FailureActionOnAnAddressTheGuardRefuses_RecordsItRefused()
    {
        await using var server = await Server();
        using var harness = InvokerHarness.Loopback();
        var clock = new FakeTimeProvider(T0);
        await using var core = new CoreServices(clock, harness.Invoker);
        var definition = Definition("guarded", server, "/down");
        definition = definition.Replace(server.UrlFor("alerts").ToString(), "http://10.0.0.1/alerts");
        var task = await CreateAsync(core, definition);
        clock.SetUtcNow(T0.AddSeconds(40));

        await core.Executor.RunDueAsync(task, ClaimA);

        var notification = Assert.Single((await core.Runs.ListAsync("guarded", 10, null)).Items).Notification;
        Assert.Equal(NotificationStatus.Failed, notification?.Status);
        Assert.Equal(RunErrorClass.TargetRefused, notification?.ErrorClass);
        Assert.Equal(0, notification?.Attempts);
    }

    private static Task<LoopbackTarget> Server() => LoopbackTarget.StartAsync(app =>
    {
        app.Map("/down", TargetBehaviors.Status(503, "busy"));
        app.Map("/ok", TargetBehaviors.Status(200, "ok"));
        app.Map("/alerts", TargetBehaviors.Status(200));
        app.Map("/alerts-down", TargetBehaviors.Status(500));
    });

    private static string Definition(string id, LoopbackTarget server, string path, string alerts = "/alerts", object? schedule = null) => JsonSerializer.Serialize(new
    {
        id,
        schedule = schedule ?? new { cron = "* * * * *" },
        target = new { url = server.UrlFor(path).ToString(), retry = new { maxAttempts = 2, initialDelay = "PT0S" } },
        failureAction = new
        {
            url = server.UrlFor(alerts).ToString(),
            secretHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer alert-token-5521" },
            retry = new { maxAttempts = 2, initialDelay = "PT0S" },
        },
    });

    private static async Task<StoredTask> CreateAsync(CoreServices core, string json)
    {
        var response = await core.Api.CreateAsync(Encoding.UTF8.GetBytes(json));
        Assert.Equal(201, response.StatusCode);
        return (await core.Store.GetAsync(JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!))!;
    }
}
