namespace FunctionScheduler.Contracts;

/// <summary>How the scheduler authenticates to a target beyond its signature (the "target.auth.type" value).</summary>
public enum TargetAuthType
{
    /// <summary>
    /// A Microsoft Entra access token for the target's audience, obtained with the scheduler's managed identity and
    /// sent as <c>Authorization: Bearer</c> (docs/identity.md).
    /// </summary>
    ManagedIdentity,
}
