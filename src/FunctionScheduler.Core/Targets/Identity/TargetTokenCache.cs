using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Targets.Identity;

/// <summary>
/// Target tokens by scope, obtained from the <see cref="TokenCredential"/> and kept in memory only, until
/// <see cref="RefreshBefore"/> ahead of their expiry (or the credential's own refresh time, if earlier). At most one
/// request per scope is under way: callers that arrive meanwhile wait for it. A failed refresh falls back to the
/// cached token while it has at least <see cref="MinimumRemaining"/> left.
/// </summary>
/// <remarks>
/// ManagedIdentityCredential caches tokens itself, but DefaultAzureCredential's developer credentials (Azure CLI and
/// others) do not, and none of them joins concurrent requests; so the scheduler keeps its own small cache in front of
/// whichever credential it is given.
/// </remarks>
internal sealed class TargetTokenCache(TokenCredential credential, TimeProvider timeProvider, TimeSpan tokenTimeout, ILogger logger)
{
    /// <summary>How long before its expiry a token is replaced.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    /// <summary>The least a cached token must have left to be sent when its refresh fails.</summary>
    public static readonly TimeSpan MinimumRemaining = TimeSpan.FromMinutes(1);

    // Scopes come from definitions (user data): bounded like the other per-target caches.
    private const int MaxScopes = 256;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="exception"/> is how a credential (or this cache's timeout) says "no token".</summary>
    public static bool IsTokenFailure(Exception exception) =>
        exception is AuthenticationFailedException or RequestFailedException or TimeoutException;

    /// <summary>
    /// A token for <paramref name="scope"/>: the cached one while it is fresh, otherwise a new one. Throws what the
    /// credential threw (see <see cref="IsTokenFailure"/>), or <see cref="TimeoutException"/> when it took longer
    /// than the token timeout; <paramref name="cancellationToken"/> ends only this caller's wait.
    /// </summary>
    public async Task<string> GetAsync(string scope, CancellationToken cancellationToken)
    {
        var entry = EntryFor(scope);
        AccessToken? cached;
        Task<AccessToken> pending;
        TaskCompletionSource<AccessToken>? owned = null;
        lock (entry)
        {
            cached = entry.Token;
            if (cached is { } fresh && timeProvider.GetUtcNow() < RefreshAt(fresh))
            {
                return fresh.Token;
            }

            if (entry.Pending is null)
            {
                owned = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                entry.Pending = owned.Task;
            }

            pending = entry.Pending;
        }

        if (owned is not null)
        {
            // Not awaited here: the request belongs to every caller, so one caller's cancellation must not end it.
            _ = FetchAsync(entry, scope, owned);
        }

        try
        {
            return (await pending.WaitAsync(cancellationToken).ConfigureAwait(false)).Token;
        }
        catch (Exception exception) when (IsTokenFailure(exception) && cached is { } stale && timeProvider.GetUtcNow() < stale.ExpiresOn - MinimumRemaining)
        {
            IdentityLog.RefreshFailed(logger, scope, exception.GetType().Name, stale.ExpiresOn);
            return stale.Token;
        }
    }

    private static DateTimeOffset RefreshAt(AccessToken token)
    {
        var beforeExpiry = token.ExpiresOn - RefreshBefore;
        return token.RefreshOn is { } refreshOn && refreshOn < beforeExpiry ? refreshOn : beforeExpiry;
    }

    private async Task FetchAsync(Entry entry, string scope, TaskCompletionSource<AccessToken> completion)
    {
        try
        {
            using var timeout = new CancellationTokenSource(tokenTimeout, timeProvider);

            // WaitAsync also ends a credential that ignores its cancellation token.
            var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), timeout.Token)
                .AsTask()
                .WaitAsync(tokenTimeout, timeProvider)
                .ConfigureAwait(false);
            lock (entry)
            {
                entry.Token = token;
                entry.Pending = null;
            }

            IdentityLog.TokenObtained(logger, scope, token.ExpiresOn);
            completion.SetResult(token);
        }
        catch (OperationCanceledException)
        {
            Fail(new TimeoutException($"No token within the token timeout of {tokenTimeout}."));
        }
#pragma warning disable CA1031 // Whatever the credential throws is handed to every waiter, never swallowed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Fail(exception);
        }

        void Fail(Exception exception)
        {
            lock (entry)
            {
                entry.Pending = null;
            }

            IdentityLog.TokenFailed(logger, scope, exception.GetType().Name);
            completion.SetException(exception);
        }
    }

    private Entry EntryFor(string scope)
    {
        if (_entries.TryGetValue(scope, out var entry))
        {
            return entry;
        }

        if (_entries.Count >= MaxScopes)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(scope, _ => new Entry());
    }

    private sealed class Entry
    {
        public AccessToken? Token { get; set; }

        public Task<AccessToken>? Pending { get; set; }
    }
}
