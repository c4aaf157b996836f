using System.Diagnostics;
using System.Text.RegularExpressions;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Telemetry;
using FunctionScheduler.Core.Tests.Telemetry;
using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Targets;

/// <summary>What every attempt carries: run headers, trace context, signature, the definition's headers and body.</summary>
public sealed partial class HttpTargetInvokerTests
{
    [Fact]
    public async Task InvokeAsync_EveryAttempt_CarriesRunHeaders()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/flap", TargetBehaviors.FailThenSucceed(2)));
        using var harness = InvokerHarness.Loopback();
        var invocation = InvokerHarness.Invocation(server.UrlFor("flap"));

        await harness.Invoker.InvokeAsync(invocation);

        var requests = server.RequestsTo("flap");
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal(invocation.RunId, r.Header(SchedulerHeaders.RunId));
            Assert.Equal(invocation.TaskId, r.Header(SchedulerHeaders.TaskId));
            Assert.Equal("2025-03-30T01:30:00Z", r.Header(SchedulerHeaders.ScheduledAt));
            Assert.Equal("scheduled", r.Header(SchedulerHeaders.Kind));
            Assert.Equal(InvokerHarness.KeyId, r.Header(SchedulerHeaders.KeyId));
        });
        Assert.Equal(["1", "2", "3"], requests.Select(r => r.Header(SchedulerHeaders.Attempt)));
    }

    [Fact]
    public async Task InvokeAsync_ManualOccurrence_SendsKindManual()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        using var harness = InvokerHarness.Loopback();

        await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("ok"), kind: OccurrenceKind.Manual));

        Assert.Equal("manual", Assert.Single(server.Requests).Header(SchedulerHeaders.Kind));
    }

    [Fact]
    public async Task InvokeAsync_UnderFireSpan_SendsOneTraceparentPerAttemptMatchingItsSpan()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/flap", TargetBehaviors.FailThenSucceed(1)));
        using var harness = InvokerHarness.Loopback();
        using var spans = new SpanRecorder();
        var invocation = InvokerHarness.Invocation(server.UrlFor("flap"));

        using (var fire = SchedulerTelemetry.StartFire(invocation.TaskId, invocation.RunId, invocation.Occurrence))
        {
            await harness.Invoker.InvokeAsync(invocation);
        }

        var fireSpan = Assert.Single(spans.For(invocation.TaskId, SchedulerTelemetry.FireSpanName));
        var attemptSpans = spans.For(invocation.TaskId, SchedulerTelemetry.AttemptSpanName);
        var requests = server.RequestsTo("flap");
        Assert.Equal(2, attemptSpans.Count);
        Assert.Equal(2, requests.Count);
        for (var i = 0; i < 2; i++)
        {
            var traceparent = Assert.Single(requests[i].HeaderValues(SchedulerHeaders.TraceParent));
            Assert.Equal(attemptSpans[i].Id, traceparent);
            Assert.Equal(fireSpan.SpanId, attemptSpans[i].ParentSpanId);
            Assert.Equal(fireSpan.TraceId, attemptSpans[i].TraceId);
            Assert.Equal(i + 1, attemptSpans[i].GetTagItem(SchedulerTags.Attempt));
        }

        Assert.Equal(ActivityStatusCode.Error, attemptSpans[0].Status);
        Assert.Equal(500, attemptSpans[0].GetTagItem(SchedulerTags.HttpResponseStatusCode));
        Assert.Equal(ActivityStatusCode.Unset, attemptSpans[1].Status);
        Assert.Equal(200, attemptSpans[1].GetTagItem(SchedulerTags.HttpResponseStatusCode));
    }

    [Fact]
    public async Task InvokeAsync_DefinitionHeadersNamingReservedOnes_AreOverridden()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        using var harness = InvokerHarness.Loopback();
        var spoofed = new Dictionary<string, string>
        {
            ["x-scheduler-run-id"] = "spoofed",
            ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            ["X-Custom"] = "kept",
        };
        var invocation = InvokerHarness.Invocation(server.UrlFor("ok"), t => t with { Headers = spoofed });

        await harness.Invoker.InvokeAsync(invocation);

        var request = Assert.Single(server.Requests);
        Assert.Equal(invocation.RunId, request.Header(SchedulerHeaders.RunId));
        Assert.Matches(TraceParentPattern(), Assert.Single(request.HeaderValues(SchedulerHeaders.TraceParent)));
        Assert.NotEqual(spoofed["traceparent"], request.Header(SchedulerHeaders.TraceParent));
        Assert.Equal("kept", request.Header("X-Custom"));
    }

    [Fact]
    public async Task InvokeAsync_SignedRequest_VerifiesWithTheSecretOnly()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        using var harness = InvokerHarness.Loopback();
        var invocation = InvokerHarness.Invocation(server.UrlFor("ok"), t => t with { Body = """{"report":"daily"}""" });

        await harness.Invoker.InvokeAsync(invocation);

        var request = Assert.Single(server.Requests);
        var signature = request.Header(SchedulerHeaders.Signature);
        var runId = request.Header(SchedulerHeaders.RunId);
        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", signature);
        Assert.Equal(SignatureCheck.Valid, new SignatureVerifier(InvokerHarness.Secret).Verify(signature, runId, request.Body));
        Assert.Equal(SignatureCheck.Mismatch, new SignatureVerifier(InvokerHarness.Secret + "x").Verify(signature, runId, request.Body));
        Assert.Equal(SignatureCheck.Mismatch, new SignatureVerifier(InvokerHarness.Secret).Verify(signature, runId, """{"report":"weekly"}"""));
        Assert.Equal(SignatureCheck.Mismatch, new SignatureVerifier(InvokerHarness.Secret).Verify(signature, runId + "x", request.Body));
    }

    [Fact]
    public async Task InvokeAsync_InjectedClock_StampsResultAndSignature()
    {
        var clock = new FakeTimeProvider(InvokerHarness.ScheduledAt.AddSeconds(3));
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        using var harness = new InvokerHarness(clock, "127.0.0.1/32");

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("ok")));

        Assert.Equal(clock.GetUtcNow(), result.StartedAt);
        Assert.Equal(clock.GetUtcNow(), result.CompletedAt);
        var request = Assert.Single(server.Requests);
        var signature = request.Header(SchedulerHeaders.Signature);
        var runId = request.Header(SchedulerHeaders.RunId);
        Assert.StartsWith("t=" + clock.GetUtcNow().ToUnixTimeSeconds() + ",", signature, StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.Valid, new SignatureVerifier(InvokerHarness.Secret, clock).Verify(signature, runId, request.Body));
        Assert.Equal(
            SignatureCheck.Expired,
            new SignatureVerifier(InvokerHarness.Secret, new FakeTimeProvider(clock.GetUtcNow().AddMinutes(6))).Verify(signature, runId, request.Body));
    }

    [Fact]
    public async Task InvokeAsync_PlainAndSecretHeaders_AreBothSent()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        using var harness = InvokerHarness.Loopback();
        var invocation = InvokerHarness.Invocation(server.UrlFor("ok"), t => t with
        {
            Headers = new Dictionary<string, string> { ["X-Tenant"] = "contoso", ["Authorization"] = "plain" },
            SecretHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer s3cr3t", ["x-functions-key"] = "k3y" },
        });

        await harness.Invoker.InvokeAsync(invocation);

        var request = Assert.Single(server.Requests);
        Assert.Equal("contoso", request.Header("X-Tenant"));
        Assert.Equal("Bearer s3cr3t", request.Header("Authorization"));
        Assert.Equal("k3y", request.Header("x-functions-key"));
    }

    [Theory]
    [InlineData("POST", """{"a":1}""", null, "application/json")]
    [InlineData("PUT", "plain words", "text/plain; charset=utf-8", "text/plain; charset=utf-8")]
    [InlineData("GET", null, null, null)]
    [InlineData("DELETE", null, "application/json", null)]
    public async Task InvokeAsync_MethodBodyAndContentType_AreSentAsDefined(string method, string? body, string? contentType, string? expectedContentType)
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(204)));
        using var harness = InvokerHarness.Loopback();
        var invocation = InvokerHarness.Invocation(server.UrlFor("ok"), t => t with { Method = method, Body = body, ContentType = contentType });

        var result = await harness.Invoker.InvokeAsync(invocation);

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Null(result.ResponseSnippet);
        var request = Assert.Single(server.Requests);
        Assert.Equal(method, request.Method);
        Assert.Equal(body ?? "", request.BodyText);
        Assert.Equal(expectedContentType, request.Header("Content-Type"));
    }

    [GeneratedRegex("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$")]
    private static partial Regex TraceParentPattern();
}
