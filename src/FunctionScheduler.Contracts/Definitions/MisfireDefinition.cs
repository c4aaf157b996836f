namespace FunctionScheduler.Contracts;

/// <summary>The "schedule.misfire" object of a definition.</summary>
public sealed record MisfireDefinition
{
    public MisfirePolicy? Policy { get; init; }

    /// <summary>How late an occurrence may still fire as scheduled.</summary>
    public TimeSpan? Grace { get; init; }

    /// <summary>With <see cref="MisfirePolicy.CatchUp"/>, the most missed occurrences fired.</summary>
    public int? CatchUpLimit { get; init; }
}
