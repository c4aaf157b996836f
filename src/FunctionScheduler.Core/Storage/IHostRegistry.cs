using FunctionScheduler.Core.Liveness;

namespace FunctionScheduler.Core.Storage;

/// <summary>
/// The hosts' heartbeats: one record per running (or recently gone) host, all read with one request. Hosts with
/// liveness (the standalone runtime) write their own and read everyone's; claims name their host, so no claim is
/// ever written to keep it alive.
/// </summary>
public interface IHostRegistry
{
    /// <summary>Stores <paramref name="record"/> unconditionally (a host is the only writer of its own record).</summary>
    Task WriteAsync(HostRecord record, CancellationToken cancellationToken = default);

    /// <summary>Every host's record, with its version.</summary>
    Task<IReadOnlyList<HostRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes <paramref name="record"/> if it is still the version read; false when it changed or is gone.</summary>
    Task<bool> DeleteAsync(HostRecord record, CancellationToken cancellationToken = default);
}
