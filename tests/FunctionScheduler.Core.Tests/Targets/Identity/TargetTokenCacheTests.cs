using Azure.Identity;
using FunctionScheduler.Core.Targets.Identity;
using FunctionScheduler.Testing.Identity;
using FunctionScheduler.Testing.Timing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Targets.Identity;

/// <summary>The token cache on a fake clock against a credential that counts its requests.</summary>
public sealed class TargetTokenCacheTests
{
    private const string Scope = "api://scheduler-target/.default";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(54 * 60, 1)]
    [InlineData(55 * 60 - 1, 1)]
    [InlineData(55 * 60, 2)]
    [InlineData(2 * 60 * 60, 2)]
    public async Task GetAsync_SecondCallLater_CachedUntilFiveMinutesBeforeExpiry(int secondsLater, int expectedCalls)
    {
        var (clock, credential, cache) = Create();
        Assert.Equal(TestTokenCredential.TokenOf(1), await cache.GetAsync(Scope, CancellationToken.None));

        clock.Advance(TimeSpan.FromSeconds(secondsLater));
        var second = await cache.GetAsync(Scope, CancellationToken.None);

        Assert.Equal(expectedCalls, credential.Calls);
        Assert.Equal(TestTokenCredential.TokenOf(expectedCalls), second);
    }

    [Fact]
    public async Task GetAsync_CredentialRefreshOnEarlier_RefreshesThen()
    {
        var (clock, credential, cache) = Create();
        credential.RefreshAfter = TimeSpan.FromMinutes(30);
        await cache.GetAsync(Scope, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(29));
        await cache.GetAsync(Scope, CancellationToken.None);
        Assert.Equal(1, credential.Calls);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TestTokenCredential.TokenOf(2), await cache.GetAsync(Scope, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_TwoScopes_OneTokenEach()
    {
        var (_, credential, cache) = Create();

        var first = await cache.GetAsync(Scope, CancellationToken.None);
        var other = await cache.GetAsync("https://other.example/.default", CancellationToken.None);
        var againFirst = await cache.GetAsync(Scope, CancellationToken.None);

        Assert.Equal([Scope, "https://other.example/.default"], credential.Scopes);
        Assert.NotEqual(first, other);
        Assert.Equal(first, againFirst);
    }

    [Fact]
    public async Task GetAsync_ManyCallersWhileARequestIsUnderWay_OneRequestServesAll()
    {
        var (_, credential, cache) = Create();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        credential.Gate = gate.Task;

        var callers = Enumerable.Range(0, 20).Select(_ => cache.GetAsync(Scope, CancellationToken.None)).ToList();
        Assert.All(callers, c => Assert.False(c.IsCompleted));
        gate.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, credential.Calls);
        Assert.All(tokens, t => Assert.Equal(TestTokenCredential.TokenOf(1), t));
    }

    [Fact]
    public async Task GetAsync_OneCallerCancels_RequestGoesOnForTheOthers()
    {
        var (_, credential, cache) = Create();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        credential.Gate = gate.Task;
        using var cancelled = new CancellationTokenSource();

        var leaving = cache.GetAsync(Scope, cancelled.Token);
        var staying = cache.GetAsync(Scope, CancellationToken.None);
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        gate.SetResult();

        Assert.Equal(TestTokenCredential.TokenOf(1), await staying);
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public async Task GetAsync_CredentialFails_ThrowsItsExceptionAndCachesNothing()
    {
        var (_, credential, cache) = Create();
        credential.Failure = n => n == 1 ? new AuthenticationFailedException("AADSTS500011: resource principal not found") : null;

        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(() => cache.GetAsync(Scope, CancellationToken.None));
        Assert.True(TargetTokenCache.IsTokenFailure(error));

        Assert.Equal(TestTokenCredential.TokenOf(2), await cache.GetAsync(Scope, CancellationToken.None));
        Assert.Equal(2, credential.Calls);
    }

    [Theory]
    [InlineData(56, true)]
    [InlineData(58, true)]
    [InlineData(59, false)]
    [InlineData(61, false)]
    public async Task GetAsync_RefreshFails_CachedTokenUsedWhileItHasAMinuteLeft(int minutesLater, bool cachedUsed)
    {
        var (clock, credential, cache) = Create();
        credential.Failure = n => n > 1 ? new AuthenticationFailedException("IMDS unavailable") : null;
        await cache.GetAsync(Scope, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(minutesLater));

        var refresh = cache.GetAsync(Scope, CancellationToken.None);

        if (cachedUsed)
        {
            Assert.Equal(TestTokenCredential.TokenOf(1), await refresh);
        }
        else
        {
            await Assert.ThrowsAsync<AuthenticationFailedException>(() => refresh);
        }

        Assert.Equal(2, credential.Calls);
    }

    [Fact]
    public async Task GetAsync_RefreshSlowWhileTheTokenIsUsable_CachedTokenAtOnceThenTheNewOne()
    {
        var (clock, credential, cache) = Create();
        await cache.GetAsync(Scope, CancellationToken.None);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        credential.Gate = gate.Task;
        clock.Advance(TimeSpan.FromMinutes(56));

        // Bounded, so that a cache that makes callers wait for the refresh fails here instead of hanging.
        var during = await cache.GetAsync(Scope, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var stillDuring = await cache.GetAsync(Scope, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, credential.Calls);
        gate.SetResult();

        Assert.Equal(TestTokenCredential.TokenOf(1), during);
        Assert.Equal(TestTokenCredential.TokenOf(1), stillDuring);
        Assert.True(await Eventually.TrueAsync(async () => await cache.GetAsync(Scope, CancellationToken.None) == TestTokenCredential.TokenOf(2), TimeSpan.FromSeconds(5)), "The refreshed token never came.");
        Assert.Equal(2, credential.Calls);
    }

    [Fact]
    public async Task GetAsync_RefreshSlowAndTheTokenAboutToExpire_WaitsForTheNewOne()
    {
        var (clock, credential, cache) = Create();
        await cache.GetAsync(Scope, CancellationToken.None);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        credential.Gate = gate.Task;
        clock.Advance(TimeSpan.FromSeconds(59.5 * 60));

        var waiting = cache.GetAsync(Scope, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        gate.SetResult();

        Assert.Equal(TestTokenCredential.TokenOf(2), await waiting);
    }

    [Fact]
    public async Task GetAsync_CredentialHangsIgnoringCancellation_TimeoutEndsTheRequestAndTheNextCallAsksAgain()
    {
        var (clock, credential, cache) = Create();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        credential.Gate = gate.Task;

        var stuck = cache.GetAsync(Scope, CancellationToken.None);
        clock.Advance(Timeout);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => stuck);
        Assert.True(TargetTokenCache.IsTokenFailure(error));
        credential.Gate = null;
        Assert.Equal(TestTokenCredential.TokenOf(2), await cache.GetAsync(Scope, CancellationToken.None));
        gate.SetResult();
    }

    private static (FakeTimeProvider Clock, TestTokenCredential Credential, TargetTokenCache Cache) Create()
    {
        var clock = new FakeTimeProvider(T0);
        var credential = new TestTokenCredential(clock);
        return (clock, credential, new TargetTokenCache(credential, clock, Timeout, NullLogger.Instance));
    }
}
