namespace FunctionScheduler.Core.Liveness;

/// <summary>What one look at the hosts' heartbeats found.</summary>
/// <param name="Dead">Every host now known to be gone: its claims may be taken over at once.</param>
/// <param name="NewlyDead">Hosts found gone by this look (stopped, or silent for the liveness bound).</param>
/// <param name="NewlyStopping">Hosts found shutting down by this look: they have handed back what they had not started.</param>
/// <param name="Forgotten">Records of hosts gone for <see cref="HostLiveness.ForgetAfter"/>, to be deleted.</param>
public sealed record LivenessChange(
    IReadOnlySet<string> Dead,
    IReadOnlyList<string> NewlyDead,
    IReadOnlyList<string> NewlyStopping,
    IReadOnlyList<HostRecord> Forgotten)
{
    /// <summary>True when other hosts' claims may have become free: the index is worth reading again.</summary>
    public bool FreesClaims => NewlyDead.Count > 0 || NewlyStopping.Count > 0;
}
