using FunctionScheduler.Core.Model;
using FunctionScheduler.Testing.Targets;
using FunctionScheduler.Testing.Timing;
using Microsoft.AspNetCore.Builder;

namespace FunctionScheduler.Core.Tests.Targets;

/// <summary>MaxDuration and cancellation.</summary>
public sealed partial class HttpTargetInvokerTests
{
    [Fact]
    public async Task InvokeAsync_RetryAfterBeyondMaxDuration_StopsWithoutWaiting()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map(
            "/busy", TargetBehaviors.FailThenSucceed(5, 503, r => r.Headers.RetryAfter = "2")));
        using var harness = InvokerHarness.Loopback();
        var invocation = InvokerHarness.Invocation(server.UrlFor("busy"), t => t with
        {
            Retry = new TargetRetryPolicy
            {
                MaxAttempts = 5,
                InitialDelay = TimeSpan.FromMilliseconds(10),
                MaxDelay = TimeSpan.FromSeconds(30),
                MaxDuration = TimeSpan.FromMilliseconds(500),
            },
        });

        var result = await harness.Invoker.InvokeAsync(invocation);

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(RunErrorClass.HttpStatus, result.ErrorClass);
        Assert.Equal(503, result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.Single(server.RequestsTo("busy"));
    }

    [Fact]
    public async Task InvokeAsync_BackoffOutlastsMaxDuration_StopsBeforeMaxAttempts()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/down", TargetBehaviors.Status(500)));
        using var harness = InvokerHarness.Loopback();
        var invocation = InvokerHarness.Invocation(server.UrlFor("down"), t => t with
        {
            Retry = new TargetRetryPolicy
            {
                MaxAttempts = 50,
                InitialDelay = TimeSpan.FromMilliseconds(20),
                MaxDelay = TimeSpan.FromMilliseconds(40),
                MaxDuration = TimeSpan.FromMilliseconds(300),
            },
        });

        var result = await harness.Invoker.InvokeAsync(invocation);

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(500, result.HttpStatus);
        Assert.InRange(result.Attempts, 2, 49);
        Assert.Equal(result.Attempts, server.RequestsTo("down").Count);
    }

    [Fact]
    public async Task InvokeAsync_CallerCancelsDuringAttempt_ReturnsCanceled()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/hang", TargetBehaviors.Hang()));
        using var harness = InvokerHarness.Loopback();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("hang")), cancellation.Token);

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(RunErrorClass.Canceled, result.ErrorClass);
        Assert.Equal(1, result.Attempts);
        Assert.Null(result.HttpStatus);
    }

    [Fact]
    public async Task InvokeAsync_CallerCancelsDuringRetryDelay_ReturnsCanceledWithLastStatus()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map(
            "/busy", TargetBehaviors.FailThenSucceed(5, 503, r => r.Headers.RetryAfter = "5")));
        using var harness = InvokerHarness.Loopback();
        var invocation = InvokerHarness.Invocation(server.UrlFor("busy"), t => t with
        {
            Retry = InvokerHarness.FastRetry with { MaxDelay = TimeSpan.FromSeconds(30) },
        });
        using var cancellation = new CancellationTokenSource();

        // Cancelled a second after the target has answered, well inside the 5 s Retry-After: on a loaded machine a
        // fixed 300 ms from the start could fall inside the first attempt instead of the delay this test is about.
        var invoking = harness.Invoker.InvokeAsync(invocation, cancellation.Token);
        Assert.True(await Eventually.TrueAsync(() => server.RequestsTo("busy").Count == 1, TimeSpan.FromSeconds(30)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        await cancellation.CancelAsync();
        var result = await invoking;

        Assert.Equal(RunErrorClass.Canceled, result.ErrorClass);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(503, result.HttpStatus);
        Assert.Single(server.RequestsTo("busy"));
    }

    [Fact]
    public async Task InvokeAsync_AlreadyCanceled_SendsNothing()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("ok")), new CancellationToken(canceled: true));

        Assert.Equal(RunErrorClass.Canceled, result.ErrorClass);
        Assert.Equal(0, result.Attempts);
        Assert.Empty(server.Requests);
    }
}
