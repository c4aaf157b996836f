using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Api.Representations;

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

    /// <summary>The representation of <paramref name="target"/>, secrets blanked.</summary>
    public static TargetRepresentation From(HttpTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new TargetRepresentation
        {
            // The URL as the user wrote it, so a read-edit-put round trip changes nothing.
            Url = target.Url.OriginalString,
            Method = target.Method,
            Headers = new Dictionary<string, string>(target.Headers, StringComparer.OrdinalIgnoreCase),
            SecretHeaders = target.SecretHeaders.Keys.ToDictionary(name => name, _ => (string?)null, StringComparer.OrdinalIgnoreCase),
            Body = target.Body,
            ContentType = target.ContentType,
            Timeout = target.Timeout,
            Retry = new RetryRepresentation
            {
                MaxAttempts = target.Retry.MaxAttempts,
                InitialDelay = target.Retry.InitialDelay,
                MaxDelay = target.Retry.MaxDelay,
                MaxDuration = target.Retry.MaxDuration,
            },
        };
    }
}
