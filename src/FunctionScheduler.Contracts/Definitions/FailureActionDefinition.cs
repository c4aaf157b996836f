namespace FunctionScheduler.Contracts;

/// <summary>
/// The "failureAction" object of a definition: where a signed JSON notification goes when a run fails after all its
/// retries or the task becomes overdue.
/// </summary>
public sealed record FailureActionDefinition
{
    /// <summary>An absolute http or https URL; the notification is POSTed there.</summary>
    public required string Url { get; init; }

    /// <summary>Sent with every attempt and returned by reads.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Sent with every attempt, never returned. On PUT, a null value keeps the value stored for that name.</summary>
    public IReadOnlyDictionary<string, string?>? SecretHeaders { get; init; }

    /// <summary>Per attempt; 10 seconds when null.</summary>
    public TimeSpan? Timeout { get; init; }

    public RetryDefinition? Retry { get; init; }
}
