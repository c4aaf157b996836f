namespace FunctionScheduler.Contracts;

/// <summary>The "schedule.misfire" object.</summary>
public sealed record MisfireRepresentation
{
    public required MisfirePolicy Policy { get; init; }

    public required TimeSpan Grace { get; init; }

    public required int CatchUpLimit { get; init; }
}
