using System.Collections.Concurrent;
using System.Globalization;
using Azure.Core;

namespace FunctionScheduler.Testing.Identity;

/// <summary>
/// A <see cref="TokenCredential"/> the tests control: it counts requests and records their scopes, hands out
/// numbered JWT-shaped tokens valid for <see cref="Lifetime"/> on its clock, fails the requests
/// <see cref="Failure"/> names, and holds every request while <see cref="Gate"/> is set (ignoring cancellation, as a
/// stuck credential would).
/// </summary>
public sealed class TestTokenCredential(TimeProvider clock) : TokenCredential
{
    private readonly ConcurrentQueue<string> _scopes = new();
    private int _calls;

    /// <summary>A credential on the system clock.</summary>
    public TestTokenCredential()
        : this(TimeProvider.System)
    {
    }

    /// <summary>How long each token is valid from the moment it is handed out.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When set, each token also carries a RefreshOn this long after it is handed out.</summary>
    public TimeSpan? RefreshAfter { get; set; }

    /// <summary>For request n (1-based), the exception to throw, or null to hand out a token.</summary>
    public Func<int, Exception?> Failure { get; set; } = _ => null;

    /// <summary>When set, every request waits for it before answering.</summary>
    public Task? Gate { get; set; }

    /// <summary>Token requests so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The scope of every request, in order.</summary>
    public IReadOnlyList<string> Scopes => [.. _scopes];

    /// <summary>The token request n (1-based) hands out.</summary>
    public static string TokenOf(int n) =>
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJ0ZXN0IiwibiI6" + n.ToString("D4", CultureInfo.InvariantCulture) + "fQ.c2lnbmF0dXJlLW9mLXRva2Vu";

    /// <inheritdoc />
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _calls);
        _scopes.Enqueue(string.Join(' ', requestContext.Scopes));
        if (Gate is { } gate)
        {
            await gate.ConfigureAwait(false);
        }

        if (Failure(n) is { } failure)
        {
            throw failure;
        }

        var now = clock.GetUtcNow();
        return new AccessToken(TokenOf(n), now + Lifetime, RefreshAfter is { } refresh ? now + refresh : null);
    }
}
