namespace FunctionScheduler.Contracts;

/// <summary>The "target.auth" object of a definition: a bearer token the scheduler obtains for each call.</summary>
public sealed record TargetAuthDefinition
{
    /// <summary>The only type so far; required on the wire.</summary>
    public TargetAuthType Type { get; init; } = TargetAuthType.ManagedIdentity;

    /// <summary>
    /// The application ID URI (<c>api://...</c>, <c>https://...</c>) or client id of the app that protects the target;
    /// the token is requested for <c>&lt;audience&gt;/.default</c>.
    /// </summary>
    public required string Audience { get; init; }
}
