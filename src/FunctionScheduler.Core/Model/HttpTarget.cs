namespace FunctionScheduler.Core.Model;

/// <summary>The HTTP call a fire makes.</summary>
public sealed record HttpTarget
{
    /// <summary>Default per-attempt timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Absolute http or https URL.</summary>
    public required Uri Url { get; init; }

    /// <summary>HTTP method, upper case.</summary>
    public string Method { get; init; } = "POST";

    /// <summary>Headers sent with every attempt and returned by reads.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = EmptyHeaders;

    /// <summary>Headers sent with every attempt but never returned by a read (write-only: API keys, bearer tokens).</summary>
    public IReadOnlyDictionary<string, string> SecretHeaders { get; init; } = EmptyHeaders;

    /// <summary>Request body, sent as-is.</summary>
    public string? Body { get; init; }

    /// <summary>Content type of <see cref="Body"/>; defaults to application/json when a body is set.</summary>
    public string? ContentType { get; init; }

    /// <summary>Timeout of each attempt.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>How failed attempts are retried.</summary>
    public TargetRetryPolicy Retry { get; init; } = TargetRetryPolicy.Default;

    /// <summary>What makes a response a success: any 2xx by default.</summary>
    public ResponseCheck Success { get; init; } = ResponseCheck.Default;

    /// <summary>
    /// The longest one call of this target can take, retries included: no retry starts after the retry budget, and
    /// the attempt started just before it may take a full timeout; fewer attempts may bound it sooner.
    /// </summary>
    public TimeSpan LongestCall
    {
        get
        {
            if (Retry.MaxAttempts <= 1)
            {
                return Timeout;
            }

            var byDuration = Retry.MaxDuration + Timeout;
            var byAttempts = (Timeout * Retry.MaxAttempts) + (Retry.MaxDelay * (Retry.MaxAttempts - 1));
            return byDuration < byAttempts ? byDuration : byAttempts;
        }
    }

    /// <summary>The identity token each attempt carries as <c>Authorization: Bearer</c>; none when null.</summary>
    public TargetAuth? Auth { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyHeaders =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
