using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Testing.Targets;
using FunctionScheduler.Testing.Timing;
using Microsoft.AspNetCore.Builder;

namespace FunctionScheduler.Core.Tests.Targets;

/// <summary>Outcomes and retries against real Kestrel listeners on 127.0.0.1.</summary>
public sealed partial class HttpTargetInvokerTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task InvokeAsync_TargetAnswers200_SucceedsWithSnippet()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200, "hello")));
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("ok")));

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal(RunErrorClass.None, result.ErrorClass);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.Equal("hello", result.ResponseSnippet);
        Assert.Null(result.Error);
        Assert.True(result.CompletedAt >= result.StartedAt);
        Assert.Single(server.RequestsTo("ok"));
    }

    [Fact]
    public async Task InvokeAsync_TargetSlowerThanTimeout_TimesOutAndRetries()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/slow", TargetBehaviors.Delay(TimeSpan.FromSeconds(10))));
        using var harness = InvokerHarness.Loopback();
        var invocation = InvokerHarness.Invocation(server.UrlFor("slow"), t => t with
        {
            Timeout = ShortTimeout,
            Retry = InvokerHarness.FastRetry with { MaxAttempts = 2 },
        });

        var result = await harness.Invoker.InvokeAsync(invocation);

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(RunErrorClass.Timeout, result.ErrorClass);
        Assert.Equal(2, result.Attempts);
        Assert.Null(result.HttpStatus);
        Assert.Contains("timeout", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, server.RequestsTo("slow").Count);
    }

    [Fact]
    public async Task InvokeAsync_TargetFailsTwiceThenRecovers_SucceedsOnThirdAttempt()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/flap", TargetBehaviors.FailThenSucceed(2)));
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("flap")));

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal("ok", result.ResponseSnippet);
        Assert.Equal(["1", "2", "3"], server.RequestsTo("flap").Select(r => r.Header(SchedulerHeaders.Attempt)));
    }

    [Fact]
    public async Task InvokeAsync_AlwaysFailing_StopsAfterMaxAttemptsWithLastStatus()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/down", TargetBehaviors.Status(502, "bad gateway")));
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("down")));

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(RunErrorClass.HttpStatus, result.ErrorClass);
        Assert.Equal(502, result.HttpStatus);
        Assert.Equal(3, result.Attempts);
        Assert.Equal("bad gateway", result.ResponseSnippet);
        Assert.Equal(3, server.RequestsTo("down").Count);
    }

    [Fact]
    public async Task InvokeAsync_ErrorStatusThenTimeout_ReportsTimeoutWithTheLastResponseReceived()
    {
        var seen = 0;
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/worse", context =>
            Interlocked.Increment(ref seen) == 1 ? TargetBehaviors.Status(503, "busy")(context) : TargetBehaviors.Hang()(context)));
        using var harness = InvokerHarness.Loopback();
        var invocation = InvokerHarness.Invocation(server.UrlFor("worse"), t => t with
        {
            Timeout = ShortTimeout,
            Retry = InvokerHarness.FastRetry with { MaxAttempts = 2 },
        });

        var result = await harness.Invoker.InvokeAsync(invocation);

        Assert.Equal(RunErrorClass.Timeout, result.ErrorClass);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(503, result.HttpStatus);
        Assert.Equal("busy", result.ResponseSnippet);
    }

    [Fact]
    public async Task InvokeAsync_503WithRetryAfterOneSecond_WaitsThatLongBeforeRetrying()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map(
            "/busy", TargetBehaviors.FailThenSucceed(1, 503, r => r.Headers.RetryAfter = "1")));
        using var harness = InvokerHarness.Loopback();
        var invocation = InvokerHarness.Invocation(server.UrlFor("busy"), t => t with
        {
            Retry = InvokerHarness.FastRetry with { MaxDelay = TimeSpan.FromSeconds(5) },
        });

        var result = await harness.Invoker.InvokeAsync(invocation);

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal(2, result.Attempts);
        var requests = server.RequestsTo("busy");
        Assert.Equal(2, requests.Count);

        // Behaviour, not speed: without Retry-After the backoff here is at most 50 ms.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task InvokeAsync_RetryAfterLongerThanMaxDelay_IsCappedAtMaxDelay()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map(
            "/busy", TargetBehaviors.FailThenSucceed(1, 429, r => r.Headers.RetryAfter = "3600")));
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("busy")));

        // MaxDelay is 50 ms; honouring the hour would have hit the test's own timeout long before.
        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal(2, result.Attempts);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task InvokeAsync_TransientStatus_IsRetried(int status)
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/t", TargetBehaviors.FailThenSucceed(1, status)));
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("t")));

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, server.RequestsTo("t").Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task InvokeAsync_PermanentStatus_FailsWithoutRetry(int status)
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/p", TargetBehaviors.Status(status, "nope")));
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("p")));

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(RunErrorClass.HttpStatus, result.ErrorClass);
        Assert.Equal(status, result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.Equal("nope", result.ResponseSnippet);
        Assert.Single(server.RequestsTo("p"));
    }

    [Fact]
    public async Task InvokeAsync_Redirect_IsNotFollowedAndFails()
    {
        await using var server = await LoopbackTarget.StartAsync(app =>
        {
            app.Map("/moved", TargetBehaviors.Redirect("/elsewhere"));
            app.Map("/elsewhere", TargetBehaviors.Status(200));
        });
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("moved")));

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(RunErrorClass.HttpStatus, result.ErrorClass);
        Assert.Equal(302, result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("redirect not followed", result.Error, StringComparison.Ordinal);
        Assert.Contains("/elsewhere", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.RequestsTo("elsewhere"));
    }

    [Fact]
    public async Task InvokeAsync_HugeResponse_TruncatesSnippetWithoutReadingTheBody()
    {
        await using var server = new HugeResponseListener(totalBytes: 64L * 1024 * 1024);
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.BaseAddress));
        await server.Finished.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal(new string('x', RunRecord.MaxSnippetLength), result.ResponseSnippet);

        // The invoker drops the connection after the snippet: what was sent is socket buffers, not the body.
        Assert.True(server.BytesSent < server.TotalBytes / 4, "Server sent " + server.BytesSent + " bytes.");
    }

    [Fact]
    public async Task InvokeAsync_ListenerNeverAnswers_TimesOut()
    {
        await using var listener = new SilentListener();
        using var harness = InvokerHarness.Loopback();
        var invocation = InvokerHarness.Invocation(listener.BaseAddress, t => t with
        {
            Timeout = ShortTimeout,
            Retry = InvokerHarness.FastRetry with { MaxAttempts = 1 },
        });

        var result = await harness.Invoker.InvokeAsync(invocation);

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(RunErrorClass.Timeout, result.ErrorClass);
        Assert.Equal(1, result.Attempts);
        // The kernel completes the connection at once; the listener's accept loop may run only after the timeout on
        // a loaded machine, so the accept is waited for rather than assumed.
        Assert.True(await Eventually.TrueAsync(() => listener.AcceptedCount > 0, TimeSpan.FromSeconds(10)), "The request never reached the listener.");
        Assert.Equal(1, listener.AcceptedCount);
    }

    [Fact]
    public async Task InvokeAsync_ClosedPort_FailsWithConnectionAfterRetries()
    {
        using var harness = InvokerHarness.Loopback();
        var url = new Uri("http://127.0.0.1:" + LoopbackPorts.Closed() + "/");

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(url));

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(RunErrorClass.Connection, result.ErrorClass);
        Assert.Equal(3, result.Attempts);
        Assert.Null(result.HttpStatus);
        Assert.StartsWith("Connection failed", result.Error, StringComparison.Ordinal);
    }
}
