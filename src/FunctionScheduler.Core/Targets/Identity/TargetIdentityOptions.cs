namespace FunctionScheduler.Core.Targets.Identity;

/// <summary>
/// The identity the scheduler obtains target tokens with (configuration section <c>Scheduler:Identity</c>); used only
/// by targets with <c>auth</c>. Validated at start by <see cref="TargetIdentityOptionsValidator"/>. See docs/identity.md.
/// </summary>
public sealed class TargetIdentityOptions
{
    /// <summary>Configuration section, relative to the root.</summary>
    public const string SectionName = "Scheduler:Identity";

    /// <summary>
    /// The DI key of the <see cref="Azure.Core.TokenCredential"/> that obtains target tokens. Keyed, so that a
    /// host's own credential for other purposes is never taken for this one (and tests can put theirs in).
    /// </summary>
    public const string CredentialKey = "FunctionScheduler.Targets";

    /// <summary>Default of <see cref="TokenTimeout"/>.</summary>
    public static readonly TimeSpan DefaultTokenTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Client id of the user-assigned managed identity to obtain tokens with (infra/ sets it to the app's identity).
    /// When empty, DefaultAzureCredential picks a credential itself: a system-assigned identity, or on a developer's
    /// machine their Azure CLI, Visual Studio or environment sign-in.
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Longest a token request may take before it is abandoned (1 second to 5 minutes).</summary>
    public TimeSpan TokenTimeout { get; set; } = DefaultTokenTimeout;
}
