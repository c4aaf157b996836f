using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Targets;

/// <summary>Key rotation on a fake clock: each attempt is signed by the keys active at its own instant.</summary>
public sealed partial class HttpTargetInvokerTests
{
    private const string OldKeySecret = "old-signing-secret-0123456789abcdef";
    private const string NewKeySecret = "new-signing-secret-0123456789abcdef";

    [Fact]
    public async Task InvokeAsync_WindowsOpenAndCloseBetweenRetries_EachAttemptSignedByTheKeysOfItsInstant()
    {
        // Attempt 1 at T0 (old only), attempt 2 at T0+1m (both), attempt 3 at T0+2m (new only): the target moves the
        // clock on a minute each time it fails, which the attempt timeout and retry budget easily absorb.
        var t0 = new DateTimeOffset(2026, 3, 1, 11, 59, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(t0);
        var failures = 0;
        await using var server = await LoopbackTarget.StartAsync(
            app => app.Map("/rotating", context =>
            {
                if (Interlocked.Increment(ref failures) > 2)
                {
                    return Task.CompletedTask;
                }

                clock.Advance(TimeSpan.FromMinutes(1));
                context.Response.StatusCode = 503;
                return Task.CompletedTask;
            }),
            clock);
        using var harness = new InvokerHarness(clock, Rotation(t0), credential: null, "127.0.0.1/32");
        var invocation = InvokerHarness.Invocation(server.UrlFor("rotating"), t => t with
        {
            Body = """{"rotating":true}""",
            Timeout = TimeSpan.FromMinutes(10),
            Retry = new TargetRetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, MaxDuration = TimeSpan.FromHours(1) },
        });

        var result = await harness.Invoker.InvokeAsync(invocation);

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal(["old", "new"], result.SigningKeyIds);
        var requests = server.RequestsTo("rotating");
        Assert.Equal(["old", "old,new", "new"], requests.Select(r => r.Header(SchedulerHeaders.KeyId)));
        Assert.Equal([1, 2, 1], requests.Select(r => r.Header(SchedulerHeaders.Signature)!.Split(",v1=").Length - 1));
        var oldOnly = new SignatureVerifier(OldKeySecret, clock);
        var newOnly = new SignatureVerifier(NewKeySecret, clock);
        Assert.Equal(
            [SignatureCheck.Valid, SignatureCheck.Valid, SignatureCheck.Mismatch],
            requests.Select(r => oldOnly.Verify(r.Header(SchedulerHeaders.Signature), r.Header(SchedulerHeaders.RunId), r.Body)));
        Assert.Equal(
            [SignatureCheck.Mismatch, SignatureCheck.Valid, SignatureCheck.Valid],
            requests.Select(r => newOnly.Verify(r.Header(SchedulerHeaders.Signature), r.Header(SchedulerHeaders.RunId), r.Body)));
    }

    [Fact]
    public async Task InvokeAsync_TargetEchoesEveryConfiguredSecret_AllRedacted()
    {
        var t0 = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(t0);

        // The retired key is no longer active, and still a secret: an echo of it is cut out as well.
        await using var server = await LoopbackTarget.StartAsync(
            app => app.Map("/echo", TargetBehaviors.Status(500, "old=" + OldKeySecret + " new=" + NewKeySecret + " retired=retired-signing-secret-0123456789")),
            clock);
        using var harness = new InvokerHarness(
            clock,
            signing =>
            {
                Rotation(t0)(signing);
                signing.Keys.Add(new SigningKeyOptions { Id = "retired", Secret = "retired-signing-secret-0123456789", NotAfter = t0.AddDays(-1) });
            },
            credential: null,
            "127.0.0.1/32");
        var invocation = InvokerHarness.Invocation(server.UrlFor("echo"), t => t with { Retry = TargetRetryPolicy.Default with { MaxAttempts = 1 } });

        var result = await harness.Invoker.InvokeAsync(invocation);

        Assert.Equal(500, result.HttpStatus);
        Assert.Equal("old=[redacted] new=[redacted] retired=[redacted]", result.ResponseSnippet);
    }

    // Old until T0+2m, new from T0+1m.
    private static Action<SigningOptions> Rotation(DateTimeOffset t0) => signing =>
    {
        signing.Keys.Add(new SigningKeyOptions { Id = "old", Secret = OldKeySecret, NotAfter = t0.AddMinutes(2) });
        signing.Keys.Add(new SigningKeyOptions { Id = "new", Secret = NewKeySecret, NotBefore = t0.AddMinutes(1) });
    };
}
