using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// Signs outgoing requests with the configured keys (see docs/signatures.md): one <c>v1</c> signature per key active
/// at the instant of signing, in configuration order, and the ids of those keys for
/// <see cref="SchedulerHeaders.KeyId"/>. During a rotation both keys sign, so receivers can move from one to the
/// other with no gap.
/// </summary>
public sealed class RequestSigner
{
    private readonly IReadOnlyList<(SigningKeyOptions Options, byte[] Key)> _keys;

    /// <summary>Reads the keys from validated <see cref="SigningOptions"/>.</summary>
    public RequestSigner(IOptions<SigningOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = [.. SigningKeyWindows.Of(options.Value).Select(k => (k, SigningKey.GetBytes(k.Secret, nameof(options))))];
        SecretSpellings = [.. _keys.SelectMany(k => SigningKey.Spellings(k.Options.Secret))];
    }

    /// <summary>Every configured secret as written (and the base64 of a base64 key alone): what must never reach a run's record.</summary>
    internal IReadOnlyList<string> SecretSpellings { get; }

    /// <summary>
    /// The signature header value <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;...]</c> for a request of run
    /// <paramref name="runId"/> with body <paramref name="body"/>, signed at <paramref name="timestamp"/> by every key
    /// active then, with those keys' ids. Throws when no key is active (validation at start rules that out).
    /// </summary>
    public RequestSignature Sign(string runId, ReadOnlySpan<byte> body, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(runId);
        var seconds = timestamp.ToUnixTimeSeconds();
        var hashes = new List<byte[]>(_keys.Count);
        var ids = new List<string>(_keys.Count);
        foreach (var (options, key) in _keys)
        {
            if (SigningKeyWindows.IsActive(options.NotBefore, options.NotAfter, timestamp))
            {
                hashes.Add(SignatureAlgorithm.Compute(key, seconds, runId, body));
                ids.Add(options.Id);
            }
        }

        return ids.Count > 0
            ? new RequestSignature(SignatureAlgorithm.FormatHeader(seconds, hashes), ids)
            : throw new InvalidOperationException(
                $"No signing key is active at {SchedulerHeaders.FormatInstant(timestamp)}; {SigningOptions.SectionName} must cover every instant.");
    }
}
