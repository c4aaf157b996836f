namespace FunctionScheduler.Contracts;

/// <summary>The "target" object of a definition: the HTTP call each run makes.</summary>
public sealed record TargetDefinition
{
    /// <summary>An absolute http or https URL, kept exactly as written.</summary>
    public required string Url { get; init; }

    /// <summary>POST when null.</summary>
    public string? Method { get; init; }

    /// <summary>Sent with every attempt and returned by reads.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Sent with every attempt, never returned. On PUT, a null value keeps the value stored for that name.</summary>
    public IReadOnlyDictionary<string, string?>? SecretHeaders { get; init; }

    public string? Body { get; init; }

    /// <summary>application/json when null and a body is given.</summary>
    public string? ContentType { get; init; }

    /// <summary>Per attempt.</summary>
    public TimeSpan? Timeout { get; init; }

    public RetryDefinition? Retry { get; init; }

    /// <summary>What counts as success (2xx, no body check, when null).</summary>
    public SuccessDefinition? Success { get; init; }

    /// <summary>A bearer token obtained with the scheduler's managed identity for each call; none when null.</summary>
    public TargetAuthDefinition? Auth { get; init; }
}
