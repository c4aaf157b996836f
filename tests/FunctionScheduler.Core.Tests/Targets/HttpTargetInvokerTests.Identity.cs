using Azure.Identity;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Testing.Identity;
using FunctionScheduler.Testing.Targets;
using FunctionScheduler.Testing.Timing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Targets;

/// <summary>Identity tokens against a real Kestrel target, from a credential the test controls.</summary>
public sealed partial class HttpTargetInvokerTests
{
    private const string Audience = "api://scheduler-target";

    [Fact]
    public async Task InvokeAsync_TargetWithAuth_SendsBearerTokenForTheAudienceBesideTheSignature()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        var credential = new TestTokenCredential();
        using var harness = new InvokerHarness(null, signing: null, credential, "127.0.0.1/32");

        var result = await harness.Invoker.InvokeAsync(WithAuth(server.UrlFor("ok")));

        Assert.Equal(RunStatus.Succeeded, result.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer " + TestTokenCredential.TokenOf(1), request.Header("Authorization"));
        Assert.Equal([Audience + "/.default"], credential.Scopes);
        Assert.Equal(
            SignatureCheck.Valid,
            new SignatureVerifier(InvokerHarness.Secret).Verify(request.Header(SchedulerHeaders.Signature), request.Header(SchedulerHeaders.RunId), request.Body));
    }

    [Fact]
    public async Task InvokeAsync_RunsWithinTheTokenLifetime_OneTokenRequestThenARefreshNearExpiry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)), clock);
        var credential = new TestTokenCredential(clock);
        using var harness = new InvokerHarness(clock, signing: null, credential, "127.0.0.1/32");

        for (var i = 0; i < 5; i++)
        {
            await harness.Invoker.InvokeAsync(WithAuth(server.UrlFor("ok")));
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        // Five runs over 40 minutes share one token; at 55 minutes, five before it expires, the next run gets a new one.
        Assert.Equal(1, credential.Calls);
        clock.Advance(TimeSpan.FromMinutes(5));
        await harness.Invoker.InvokeAsync(WithAuth(server.UrlFor("ok")));

        Assert.Equal(2, credential.Calls);
        Assert.Equal(
            [.. Enumerable.Repeat("Bearer " + TestTokenCredential.TokenOf(1), 5), "Bearer " + TestTokenCredential.TokenOf(2)],
            server.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task InvokeAsync_ConcurrentRunsWithNoTokenYet_OneTokenRequest()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var credential = new TestTokenCredential { Gate = gate.Task };
        using var harness = new InvokerHarness(null, signing: null, credential, "127.0.0.1/32");

        var runs = Enumerable.Range(0, 8).Select(_ => harness.Invoker.InvokeAsync(WithAuth(server.UrlFor("ok")))).ToList();
        Assert.True(await Eventually.TrueAsync(() => credential.Calls == 1, TimeSpan.FromSeconds(5)), "No token was asked for.");
        gate.SetResult();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Equal(1, credential.Calls);
        Assert.Equal(8, server.Requests.Count);
    }

    [Fact]
    public async Task InvokeAsync_NoTokenToBeHad_FailsWithIdentityTokenAfterRetriesAndSendsNothing()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        var credential = new TestTokenCredential { Failure = _ => new AuthenticationFailedException("AADSTS500011: The resource principal named api://scheduler-target was not found.") };
        using var harness = new InvokerHarness(null, signing: null, credential, "127.0.0.1/32");

        var result = await harness.Invoker.InvokeAsync(WithAuth(server.UrlFor("ok")));

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(RunErrorClass.IdentityToken, result.ErrorClass);
        Assert.Equal(0, result.Attempts);
        Assert.Null(result.HttpStatus);
        Assert.Empty(result.SigningKeyIds);
        Assert.Equal(InvokerHarness.FastRetry.MaxAttempts, credential.Calls);
        Assert.Empty(server.Requests);
        Assert.StartsWith("No identity token for audience 'api://scheduler-target': AuthenticationFailedException: AADSTS500011", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_HostHasNoIdentity_FailsAtOnceWithoutRetry()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        var credential = new TestTokenCredential { Failure = _ => new CredentialUnavailableException("ManagedIdentityCredential authentication unavailable. No Managed Identity endpoint found.") };
        using var harness = new InvokerHarness(null, signing: null, credential, "127.0.0.1/32");

        var result = await harness.Invoker.InvokeAsync(WithAuth(server.UrlFor("ok")));

        Assert.Equal(RunErrorClass.IdentityToken, result.ErrorClass);
        Assert.Equal(1, credential.Calls);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_TokenFailsOnceThenComes_RequestSentAsTheFirstAttempt()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)));
        var credential = new TestTokenCredential { Failure = n => n == 1 ? new AuthenticationFailedException("IMDS timed out") : null };
        using var harness = new InvokerHarness(null, signing: null, credential, "127.0.0.1/32");

        var result = await harness.Invoker.InvokeAsync(WithAuth(server.UrlFor("ok")));

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal(1, result.Attempts);
        var request = Assert.Single(server.Requests);
        Assert.Equal("1", request.Header(SchedulerHeaders.Attempt));
        Assert.Equal("Bearer " + TestTokenCredential.TokenOf(2), request.Header("Authorization"));
    }

    [Fact]
    public async Task InvokeAsync_TargetEchoesTheToken_RunAndLogsKeepNoTrace()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/echo", TargetBehaviors.EchoHeaders(500)));
        var credential = new TestTokenCredential();
        using var harness = new InvokerHarness(null, signing: null, credential, "127.0.0.1/32");

        var result = await harness.Invoker.InvokeAsync(WithAuth(server.UrlFor("echo"), t => t with { Retry = TargetRetryPolicy.Default with { MaxAttempts = 1 } }));

        var token = TestTokenCredential.TokenOf(1);
        Assert.Equal("Bearer " + token, Assert.Single(server.Requests).Header("Authorization"));
        Assert.Contains(SecretRedactor.Mark, result.ResponseSnippet, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mark, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(token[..20], result.ResponseSnippet, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token[..20], result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Message.Contains(token[..20], StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task InvokeAsync_NoTokenWithinTheAttemptTimeout_FailsWithIdentityToken()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/ok", TargetBehaviors.Status(200)), clock);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var credential = new TestTokenCredential(clock) { Gate = gate.Task };
        using var harness = new InvokerHarness(clock, signing: null, credential, "127.0.0.1/32");

        var run = harness.Invoker.InvokeAsync(WithAuth(server.UrlFor("ok"), t => t with { Retry = TargetRetryPolicy.Default with { MaxAttempts = 1 } }));
        Assert.True(await Eventually.TrueAsync(() => credential.Calls == 1, TimeSpan.FromSeconds(5)), "No token was asked for.");
        clock.Advance(TimeSpan.FromSeconds(5));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));
        gate.SetResult();

        Assert.Equal(RunErrorClass.IdentityToken, result.ErrorClass);
        Assert.Contains("within the attempt timeout of 5000 ms", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    private static TargetInvocation WithAuth(Uri url, Func<HttpTarget, HttpTarget>? configure = null) =>
        InvokerHarness.Invocation(url, t => (configure ?? (x => x))(t with { Auth = new TargetAuth { Audience = Audience } }));
}
