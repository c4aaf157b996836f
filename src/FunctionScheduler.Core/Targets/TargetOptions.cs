namespace FunctionScheduler.Core.Targets;

/// <summary>Outbound rules for targets (configuration section <c>Scheduler:Targets</c>).</summary>
public sealed class TargetOptions
{
    /// <summary>Configuration section, relative to the root.</summary>
    public const string SectionName = "Scheduler:Targets";

    /// <summary>
    /// Networks and hosts that targets may reach although they are loopback, link-local, private or otherwise
    /// not public: CIDRs ("10.1.0.0/16", "::1/128"), single addresses ("127.0.0.1") or host names matched exactly,
    /// case-insensitively ("func-internal.contoso.local"). Empty in production. In app settings:
    /// <c>Scheduler__Targets__AllowedNetworks__0</c>, <c>__1</c>, ...
    /// </summary>
    public IList<string> AllowedNetworks { get; } = [];
}
