using System.Text;

namespace FunctionScheduler.Contracts;

/// <summary>Turns a configured secret into HMAC key bytes; the scheduler's signer and every verifier share this rule.</summary>
internal static class SigningKey
{
    /// <summary>Prefix that marks a secret as base64: <c>base64:q83v...</c>.</summary>
    public const string Base64Prefix = "base64:";

    /// <summary>Shortest key accepted, in bytes (the HMAC-SHA256 guidance: at least the hash length).</summary>
    public const int MinimumBytes = 32;

    /// <summary>The key bytes of <paramref name="secret"/>, or null when it is malformed base64.</summary>
    public static byte[]? TryGetBytes(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return null;
        }

        if (!secret.StartsWith(Base64Prefix, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        var encoded = secret.AsSpan(Base64Prefix.Length);
        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64Chars(encoded, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>The key bytes of <paramref name="secret"/>; throws when it is unusable.</summary>
    public static byte[] GetBytes(string? secret, string parameterName) =>
        TryGetBytes(secret) is { Length: >= MinimumBytes } key
            ? key
            : throw new ArgumentException(
                $"A signing secret must be at least {MinimumBytes} bytes (UTF-8 text, or '{Base64Prefix}' and base64).",
                parameterName);

    /// <summary>
    /// The texts that spell <paramref name="secret"/> in configuration: the secret as written and, for a base64
    /// secret, the base64 text alone. What must never reach a run's record.
    /// </summary>
    public static IReadOnlyList<string> Spellings(string secret) =>
        secret.StartsWith(Base64Prefix, StringComparison.Ordinal) ? [secret, secret[Base64Prefix.Length..]] : [secret];
}
