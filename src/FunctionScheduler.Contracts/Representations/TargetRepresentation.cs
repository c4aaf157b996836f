namespace FunctionScheduler.Contracts;

/// <summary>The "target" object. Secret header values are never written: each appears as its name with a null value.</summary>
public sealed record TargetRepresentation
{
    public required string Url { get; init; }

    public required string Method { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Names only; every value is null (write-only secrets).</summary>
    public required IReadOnlyDictionary<string, string?> SecretHeaders { get; init; }

    public string? Body { get; init; }

    public string? ContentType { get; init; }

    public required TimeSpan Timeout { get; init; }

    public required RetryRepresentation Retry { get; init; }

    /// <summary>What counts as success; every read writes it (null only from servers older than it).</summary>
    public SuccessRepresentation? Success { get; init; }
}
