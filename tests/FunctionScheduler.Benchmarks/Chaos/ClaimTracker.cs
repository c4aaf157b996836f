using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;

namespace FunctionScheduler.Benchmarks.Chaos;

/// <summary>
/// Reads the index for what a host left claimed when it died or stopped, and watches those claims until another
/// host has taken each over (or it was cleared): the takeover time, measured in storage rather than guessed from
/// deliveries (a claim whose run was recorded just before the kill is taken over without a new delivery).
/// </summary>
internal sealed class ClaimTracker(ITaskStore store)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The claims <paramref name="hostId"/> holds now; null when the index did not answer three reads in a row (a
    /// loaded Azurite can take longer than the request timeout; a dead host's claims stay put for seconds).
    /// </summary>
    public async Task<IReadOnlyList<HeldClaim>?> HeldByAsync(string hostId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                return [.. (await ListAsync(cancellationToken)).SelectMany(t => t.State.InFlight
                    .Where(c => c.ClaimedBy == hostId)
                    .Select(c => new HeldClaim(t.Id, c.Occurrence)))];
            }
            catch (Exception ex) when (StorageFailures.IsUnavailable(ex))
            {
                await Task.Delay(Poll, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>
    /// Polls until none of <paramref name="claims"/> is held by <paramref name="hostId"/> any more, or until
    /// <paramref name="stop"/>; returns, per claim, how long after <paramref name="since"/> it was first seen free
    /// (null: still held when the watch stopped).
    /// </summary>
    public async Task<IReadOnlyList<TimeSpan?>> WatchAsync(IReadOnlyList<HeldClaim> claims, string hostId, DateTimeOffset since, CancellationToken stop)
    {
        var freed = new TimeSpan?[claims.Count];
        while (freed.Any(f => f is null) && !stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Poll, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            IReadOnlyList<StoredTask> tasks;
            try
            {
                tasks = await ListAsync(CancellationToken.None);
            }
            catch (Exception ex) when (StorageFailures.IsUnavailable(ex))
            {
                continue;
            }

            var seenAt = DateTimeOffset.UtcNow;
            var held = tasks.SelectMany(t => t.State.InFlight.Where(c => c.ClaimedBy == hostId).Select(c => new HeldClaim(t.Id, c.Occurrence))).ToHashSet();
            for (var i = 0; i < claims.Count; i++)
            {
                if (freed[i] is null && !held.Contains(claims[i]))
                {
                    freed[i] = seenAt - since;
                }
            }
        }

        return freed;
    }

    private async Task<IReadOnlyList<StoredTask>> ListAsync(CancellationToken cancellationToken)
    {
        var tasks = new List<StoredTask>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(new TaskQuery(PageSize: 1000, ContinuationToken: token), cancellationToken);
            tasks.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return tasks;
    }
}

/// <summary>One occurrence a host held claimed.</summary>
internal sealed record HeldClaim(string TaskId, Occurrence Occurrence);
