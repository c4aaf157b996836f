using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FunctionScheduler.Contracts;

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

    /// <summary><c>t=&lt;seconds&gt;</c>, then one <c>v1=&lt;hex&gt;</c> per hash, in the order given.</summary>
    public static string FormatHeader(long unixSeconds, IEnumerable<byte[]> hashes)
    {
        var header = new StringBuilder(TimestampKey).Append('=').Append(unixSeconds.ToString(CultureInfo.InvariantCulture));
        foreach (var hash in hashes)
        {
            header.Append(',').Append(SignatureKey).Append('=').Append(Convert.ToHexStringLower(hash));
        }

        return header.ToString();
    }
}
