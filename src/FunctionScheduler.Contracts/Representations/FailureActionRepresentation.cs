namespace FunctionScheduler.Contracts;

/// <summary>The "failureAction" object. Secret header values are never written: each appears as its name with a null value.</summary>
public sealed record FailureActionRepresentation
{
    public required string Url { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Names only; every value is null (write-only secrets).</summary>
    public required IReadOnlyDictionary<string, string?> SecretHeaders { get; init; }

    public required TimeSpan Timeout { get; init; }

    public required RetryRepresentation Retry { get; init; }

    /// <summary>The action as a request writes it, every value as read (secret values null: a PUT keeps the stored ones).</summary>
    public FailureActionDefinition ToDefinition() => new()
    {
        Url = Url,
        Headers = Headers,
        SecretHeaders = SecretHeaders,
        Timeout = Timeout,
        Retry = Retry.ToDefinition(),
    };
}
