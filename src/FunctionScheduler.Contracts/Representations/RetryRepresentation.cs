namespace FunctionScheduler.Contracts;

/// <summary>The "target.retry" object.</summary>
public sealed record RetryRepresentation
{
    public required int MaxAttempts { get; init; }

    public required TimeSpan InitialDelay { get; init; }

    public required TimeSpan MaxDelay { get; init; }

    public required TimeSpan MaxDuration { get; init; }

    /// <summary>The same values as a definition's retry object, for putting a read definition back.</summary>
    public RetryDefinition ToDefinition() =>
        new() { MaxAttempts = MaxAttempts, InitialDelay = InitialDelay, MaxDelay = MaxDelay, MaxDuration = MaxDuration };
}
