using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// Signs outgoing requests with the configured key (see docs/signatures.md): the value of
/// <see cref="SchedulerHeaders.Signature"/>, and the <see cref="KeyId"/> sent beside it.
/// </summary>
public sealed class RequestSigner
{
    private readonly byte[] _key;

    /// <summary>Reads the key from validated <see cref="SigningOptions"/>.</summary>
    public RequestSigner(IOptions<SigningOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        KeyId = options.Value.KeyId;
        var secret = options.Value.Secret;
        _key = SigningKey.GetBytes(secret);
        SecretSpellings = secret.StartsWith(SigningOptions.Base64Prefix, StringComparison.Ordinal)
            ? [secret, secret[SigningOptions.Base64Prefix.Length..]]
            : [secret];
    }

    /// <summary>The secret as configured (and the base64 of a base64 key alone): what must never reach a run's record.</summary>
    internal IReadOnlyList<string> SecretSpellings { get; }

    /// <summary>The id sent as <see cref="SchedulerHeaders.KeyId"/>.</summary>
    public string KeyId { get; }

    /// <summary>
    /// The header value <c>t=&lt;unix seconds&gt;,v1=&lt;lowercase hex HMAC-SHA256&gt;</c> for a request of run
    /// <paramref name="runId"/> with body <paramref name="body"/>, signed at <paramref name="timestamp"/>.
    /// </summary>
    public string Sign(string runId, ReadOnlySpan<byte> body, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var seconds = timestamp.ToUnixTimeSeconds();
        return SignatureAlgorithm.FormatHeader(seconds, SignatureAlgorithm.Compute(_key, seconds, runId, body));
    }
}
