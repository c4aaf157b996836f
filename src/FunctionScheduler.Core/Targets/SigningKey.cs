using System.Text;

namespace FunctionScheduler.Core.Targets;

/// <summary>Turns a configured secret into HMAC key bytes; signer and verifier must agree on this rule.</summary>
internal static class SigningKey
{
    /// <summary>The key bytes of <paramref name="secret"/>, or null when it is malformed base64.</summary>
    public static byte[]? TryGetBytes(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return null;
        }

        if (!secret.StartsWith(SigningOptions.Base64Prefix, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        var encoded = secret.AsSpan(SigningOptions.Base64Prefix.Length);
        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64Chars(encoded, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>The key bytes of <paramref name="secret"/>; throws when it is unusable.</summary>
    public static byte[] GetBytes(string? secret) =>
        TryGetBytes(secret) is { Length: >= SigningOptions.MinimumKeyBytes } key
            ? key
            : throw new ArgumentException(
                $"The signing secret must be at least {SigningOptions.MinimumKeyBytes} bytes (UTF-8 text, or '{SigningOptions.Base64Prefix}' and base64).",
                nameof(secret));
}
