using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FunctionScheduler.Standalone.Hosting;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Standalone.Http;

/// <summary>
/// The API key management calls must present. Compared in constant time over SHA-256 digests, so neither the
/// contents nor the length of the key leak through timing.
/// </summary>
internal sealed class ApiKeys
{
    public const string HeaderName = "X-Api-Key";

    private readonly byte[] _digest;

    public ApiKeys(IOptions<StandaloneOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.ApiKey;
        Generated = string.IsNullOrEmpty(configured);
        Key = Generated ? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)) : configured!;
        _digest = SHA256.HashData(Encoding.UTF8.GetBytes(Key));
    }

    /// <summary>The key in force.</summary>
    public string Key { get; }

    /// <summary>True when no key was configured and this one was made at start.</summary>
    public bool Generated { get; }

    public bool Matches(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(digest, _digest);
    }
}
