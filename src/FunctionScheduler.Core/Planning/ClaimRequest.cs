using System.Collections.Frozen;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// Who is claiming due occurrences, how long the claim holds at most, and whose claims may be taken over at once.
/// </summary>
/// <param name="Claimant">The name written into the claims (a host's or an orchestration's id).</param>
/// <param name="Lease">
/// How long a claim holds before anybody may take it over. A runtime with liveness (the standalone host) sets it
/// to the worst case of the fire, as a backstop only: its claims are taken over as soon as their claimant is in
/// <see cref="DeadClaimants"/>. A runtime without (the Functions app) relies on it alone.
/// </param>
public sealed record ClaimRequest(string Claimant, TimeSpan Lease)
{
    /// <summary>
    /// Claimants known to be gone (stopped, or silent for longer than the liveness bound): their claims are taken
    /// over now, whatever their lease says. Empty when the runtime keeps no liveness.
    /// </summary>
    public IReadOnlySet<string> DeadClaimants { get; init; } = FrozenSet<string>.Empty;
}
