using System.Net;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// What a task's representation warns about its target. A definition is accepted whatever its target's address
/// (the address a name resolves to can change, so the outbound guard decides when the task fires), but a target
/// written as an address in a private, loopback or otherwise non-public range, or as <c>localhost</c>, will be
/// refused at fire unless <see cref="TargetOptions.AllowedNetworks"/> lists it: the create response says so at once
/// rather than leaving it to the first failed run. Names are not resolved here.
/// </summary>
public sealed class TargetWarnings(TargetAddressPolicy policy)
{
    /// <summary>The warnings for <paramref name="target"/>; empty when there is nothing to say.</summary>
    public IReadOnlyList<string> For(HttpTarget target) => Refusal(target) is { } refusal
        ? [$"The target's address is not public ({refusal}): the task is stored, but every fire will be refused "
            + "(errorClass targetRefused) unless the scheduler's Scheduler:Targets:AllowedNetworks lists it."]
        : [];

    /// <summary>The warnings for a task's failure action, which the same guard refuses on the same terms.</summary>
    public IReadOnlyList<string> ForFailureAction(HttpTarget action) => Refusal(action) is { } refusal
        ? [$"The failure action's address is not public ({refusal}): every notification will be refused "
            + "(errorClass targetRefused) unless the scheduler's Scheduler:Targets:AllowedNetworks lists it."]
        : [];

    private string? Refusal(HttpTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var host = target.Url.Host.Trim('[', ']');
        var address = IPAddress.TryParse(host, out var literal) ? literal
            : IsLocalhost(host) ? IPAddress.Loopback
            : null;
        return address is null ? null : policy.Refusal(host, address);
    }

    // RFC 6761: localhost and its subdomains are loopback names.
    private static bool IsLocalhost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
}
