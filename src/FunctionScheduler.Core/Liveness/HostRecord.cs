namespace FunctionScheduler.Core.Liveness;

/// <summary>
/// One host's heartbeat as stored: who, in what status, since when. Observers never compare <see cref="BeatAt"/>
/// with their own clock (hosts' clocks may disagree); they watch <see cref="Version"/> change.
/// </summary>
/// <param name="HostId">The host's claimant id, as written into its claims.</param>
/// <param name="BeatAt">When the host wrote this beat, by its own clock (diagnostics only).</param>
public sealed record HostRecord(string HostId, HostStatus Status, DateTimeOffset StartedAt, DateTimeOffset BeatAt)
{
    /// <summary>The stored row's version (ETag); every beat changes it. Null before the record is stored.</summary>
    public string? Version { get; init; }
}
