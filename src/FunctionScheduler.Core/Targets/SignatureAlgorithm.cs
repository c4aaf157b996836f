using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// The one definition of what is signed: HMAC-SHA256 over the UTF-8 bytes of "&lt;t&gt;.&lt;run id&gt;." followed by
/// the exact body bytes sent (nothing for a request without body). The run id is inside so that a captured signature
/// cannot be replayed onto another run; t bounds how long a capture stays usable.
/// </summary>
internal static class SignatureAlgorithm
{
    public const string TimestampKey = "t";
    public const string SignatureKey = "v1";
    public const int HashBytes = 32;

    public static byte[] Compute(byte[] key, long unixSeconds, string runId, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + "." + runId + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    public static string FormatHeader(long unixSeconds, byte[] hash) =>
        TimestampKey + "=" + unixSeconds.ToString(CultureInfo.InvariantCulture) + "," +
        SignatureKey + "=" + Convert.ToHexStringLower(hash);
}
