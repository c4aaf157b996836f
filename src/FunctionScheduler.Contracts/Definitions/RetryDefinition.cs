namespace FunctionScheduler.Contracts;

/// <summary>The "target.retry" object of a definition.</summary>
public sealed record RetryDefinition
{
    /// <summary>The first attempt included.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Doubles after each retry.</summary>
    public TimeSpan? InitialDelay { get; init; }

    public TimeSpan? MaxDelay { get; init; }

    /// <summary>No retry starts later than this after the first attempt.</summary>
    public TimeSpan? MaxDuration { get; init; }
}
