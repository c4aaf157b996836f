using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;

namespace FunctionScheduler.Core.Tests.Targets;

/// <summary>The guard in the invoker's connect step, against a real listener on 127.0.0.1.</summary>
public sealed class OutboundGuardTests
{
    [Fact]
    public async Task ConnectAsync_LoopbackNotAllowListed_RefusesBeforeAnyRequest()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        using var harness = new InvokerHarness();

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("ok")));

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(RunErrorClass.TargetRefused, result.ErrorClass);
        Assert.Equal(0, result.Attempts);
        Assert.Null(result.HttpStatus);
        Assert.Contains("loopback", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ConnectAsync_LoopbackAllowListedByCidr_Connects()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        using var harness = new InvokerHarness("127.0.0.0/8");

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("ok")));

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ConnectAsync_LocalhostNotAllowListed_IsRefused()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        using var harness = new InvokerHarness();
        var url = new Uri("http://localhost:" + server.Port + "/ok");

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(url));

        Assert.Equal(RunErrorClass.TargetRefused, result.ErrorClass);
        Assert.Equal(0, result.Attempts);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ConnectAsync_HostNameAllowListed_ConnectsToAnAddressThatAnswers()
    {
        // localhost resolves to ::1 and 127.0.0.1; the server listens on the latter only.
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        using var harness = new InvokerHarness("LOCALHOST");
        var url = new Uri("http://localhost:" + server.Port + "/ok");

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(url));

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/metadata/instance", "link-local")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data", "private")]
    [InlineData("http://10.0.0.1/", "private")]
    [InlineData("http://[::1]:1/", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]:1/", "loopback")]
    [InlineData("http://0.0.0.0:1/", "unspecified")]
    public async Task ConnectAsync_RestrictedAddress_IsRefusedWithoutConnecting(string url, string range)
    {
        using var harness = new InvokerHarness();

        // A long timeout and retries: a connection attempt to these would time out or be retried, not be refused.
        var invocation = InvokerHarness.Invocation(new Uri(url), t => t with { Timeout = TimeSpan.FromSeconds(30) });

        var result = await harness.Invoker.InvokeAsync(invocation);

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(RunErrorClass.TargetRefused, result.ErrorClass);
        Assert.Equal(0, result.Attempts);
        Assert.Contains(range, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateHandler_TargetsHandler_NeverFollowsRedirectsOrUsesAProxy()
    {
        using var harness = new InvokerHarness();
        var guard = (OutboundGuard)harness.Services.GetService(typeof(OutboundGuard))!;

        using var handler = guard.CreateHandler();

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseProxy);
        Assert.False(handler.UseCookies);
        Assert.Null(handler.ActivityHeadersPropagator);
        Assert.NotNull(handler.ConnectCallback);
    }
}
