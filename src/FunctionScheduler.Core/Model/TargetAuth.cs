namespace FunctionScheduler.Core.Model;

/// <summary>An identity token a target asks for: obtained for <see cref="Scope"/> before each attempt, sent as a bearer token.</summary>
public sealed record TargetAuth
{
    /// <summary>What the token is requested for the target: the Microsoft Entra convention for an app's own permissions.</summary>
    public const string DefaultScopeSuffix = "/.default";

    public TargetAuthType Type { get; init; } = TargetAuthType.ManagedIdentity;

    /// <summary>The application ID URI or client id of the app that protects the target, as the definition gives it.</summary>
    public required string Audience { get; init; }

    /// <summary>The scope requested: <see cref="Audience"/> and <see cref="DefaultScopeSuffix"/>.</summary>
    public string Scope => Audience + DefaultScopeSuffix;
}
