using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Targets.Identity;

/// <summary>
/// Target tokens by scope, obtained from the <see cref="TokenCredential"/> and kept in memory only. A token is
/// refreshed from <see cref="RefreshBefore"/> ahead of its expiry (or the credential's own refresh time, if
/// earlier); while the cached one has at least <see cref="MinimumRemaining"/> left, callers get it at once and the
/// refresh runs beside them, so a slow or failing refresh delays no request. At most one request per scope is under
/// way: callers without a usable token wait for it.
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
    /// A token for <paramref name="scope"/>: the cached one while it is fresh, or while it is still usable and a
    /// refresh is under way; otherwise a new one. Throws what the credential threw (see <see cref="IsTokenFailure"/>),
    /// or <see cref="TimeoutException"/> when it took longer than the token timeout; <paramref name="cancellationToken"/>
    /// ends only this caller's wait.
    /// </summary>
    public async Task<string> GetAsync(string scope, CancellationToken cancellationToken)
    {
        var entry = EntryFor(scope);
        Task<AccessToken> pending;
        TaskCompletionSource<AccessToken>? owned = null;
        lock (entry)
        {
            if (entry.Token is { } fresh && timeProvider.GetUtcNow() < RefreshAt(fresh))
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

        // A request that finished at once (a credential's own cache) is taken; otherwise a usable token is not held up.
        if (!pending.IsCompletedSuccessfully && Usable(entry) is { } usable)
        {
            return usable;
        }

        return (await pending.WaitAsync(cancellationToken).ConfigureAwait(false)).Token;
    }

    // The cached token while it has at least MinimumRemaining left: enough for a request to reach the target with it.
    private string? Usable(Entry entry)
    {
        lock (entry)
        {
            return entry.Token is { } token && timeProvider.GetUtcNow() < token.ExpiresOn - MinimumRemaining ? token.Token : null;
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
            AccessToken? kept;
            lock (entry)
            {
                entry.Pending = null;
                kept = entry.Token;
            }

            if (kept is { } token && timeProvider.GetUtcNow() < token.ExpiresOn - MinimumRemaining)
            {
                IdentityLog.RefreshFailed(logger, scope, exception.GetType().Name, token.ExpiresOn);
            }
            else
            {
                IdentityLog.TokenFailed(logger, scope, exception.GetType().Name);
            }

            completion.SetException(exception);

            // A refresh that callers did not wait for (they had a usable token) fails unobserved: mark it seen.
            _ = completion.Task.Exception;
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
