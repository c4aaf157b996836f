namespace FunctionScheduler.Contracts;

/// <summary>The "target.auth" object as reads return it. The token itself is never stored, so never returned.</summary>
public sealed record TargetAuthRepresentation
{
    public required TargetAuthType Type { get; init; }

    public required string Audience { get; init; }
}
