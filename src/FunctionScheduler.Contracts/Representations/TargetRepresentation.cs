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

    /// <summary>The identity token the target asks for; absent when none.</summary>
    public TargetAuthRepresentation? Auth { get; init; }

    /// <summary>The target as a request writes it, every value as read (secret values null: a PUT keeps the stored ones).</summary>
    public TargetDefinition ToDefinition() => new()
    {
        Url = Url,
        Method = Method,
        Headers = Headers,
        SecretHeaders = SecretHeaders,
        Body = Body,
        ContentType = ContentType,
        Timeout = Timeout,
        Retry = Retry.ToDefinition(),
        Success = Success?.ToDefinition(),
        Auth = Auth is { } auth ? new TargetAuthDefinition { Type = auth.Type, Audience = auth.Audience } : null,
    };
}
