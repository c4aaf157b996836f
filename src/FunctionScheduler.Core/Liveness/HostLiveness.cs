using System.Collections.Frozen;

namespace FunctionScheduler.Core.Liveness;

/// <summary>
/// Decides which hosts are gone, from successive reads of their heartbeats. Pure: the reads and the instants are
/// passed in. A host is gone when its record says <see cref="HostStatus.Stopped"/>, or when its version has not
/// changed across reads spanning <c>timeout</c> of the observer's own clock. Only the observer's clock is used,
/// never the host's timestamps, so clock skew between hosts cannot make a live host look dead.
/// </summary>
public sealed class HostLiveness
{
    /// <summary>How long a gone host's record is kept before it is deleted (long after its claims were taken over).</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    private readonly string _self;
    private readonly TimeSpan _timeout;
    private readonly Dictionary<string, Observed> _hosts = new(StringComparer.Ordinal);
    private bool _blind;

    /// <param name="self">The observer's own host id: never judged.</param>
    /// <param name="timeout">How long a host's heartbeat may stay unchanged before it counts as gone.</param>
    public HostLiveness(string self, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _self = self;
        _timeout = timeout;
    }

    /// <summary>Hosts known to be gone after the last read.</summary>
    public IReadOnlySet<string> Dead { get; private set; } = FrozenSet<string>.Empty;

    /// <summary>
    /// The observer could not read the heartbeats (storage did not answer). Silence is then counted afresh from the
    /// next successful read: an outage that stopped every host's beats must not make them all look dead at once.
    /// Hosts already judged gone stay gone.
    /// </summary>
    public void Lost() => _blind = true;

    /// <summary>Takes in a complete read of the records at <paramref name="now"/> (the observer's clock).</summary>
    public LivenessChange Observe(IReadOnlyList<HostRecord> records, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(records);
        List<string> newlyDead = [], newlyStopping = [];
        List<HostRecord> forgotten = [];
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.HostId == _self || !listed.Add(record.HostId))
            {
                continue;
            }

            var observed = Next(record, now);
            if (observed.Status == HostStatus.Stopping && (!_hosts.TryGetValue(record.HostId, out var before) || before.Status != HostStatus.Stopping))
            {
                newlyStopping.Add(record.HostId);
            }

            if (observed.DeadSince is null && (observed.Status == HostStatus.Stopped || now - observed.SeenAt >= _timeout))
            {
                observed = observed with { DeadSince = now };
                newlyDead.Add(record.HostId);
            }

            if (observed.DeadSince is { } deadSince && now - deadSince >= ForgetAfter)
            {
                forgotten.Add(record);
            }

            _hosts[record.HostId] = observed;
        }

        // A host whose record is gone is unknown, not dead: its claims fall back to their lease.
        foreach (var id in _hosts.Keys.Where(id => !listed.Contains(id)).ToList())
        {
            _hosts.Remove(id);
        }

        _blind = false;
        Dead = _hosts.Where(h => h.Value.DeadSince is not null).Select(h => h.Key).ToFrozenSet(StringComparer.Ordinal);
        return new LivenessChange(Dead, newlyDead, newlyStopping, forgotten);
    }

    private Observed Next(HostRecord record, DateTimeOffset now)
    {
        if (!_hosts.TryGetValue(record.HostId, out var known) || known.Version != record.Version)
        {
            // First sight, or a new beat: silence counts from here.
            return new Observed(record.Version, record.Status, now, null);
        }

        return _blind && known.DeadSince is null ? known with { SeenAt = now } : known;
    }

    private sealed record Observed(string? Version, HostStatus Status, DateTimeOffset SeenAt, DateTimeOffset? DeadSince);
}
