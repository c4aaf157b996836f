using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// Turns the service's continuation tokens into tokens a listing can tell it issued: the service's token (next
/// partition and row key) followed by an HMAC-SHA256 tag over it and the listing it belongs to (table and filter),
/// base64url-encoded. A token that was made up, altered, or issued for another listing (another task's runs,
/// another group or state) fails the check and is refused before any query.
/// </summary>
/// <remarks>
/// The key is derived (HKDF-SHA256) from <see cref="TableStorageOptions.ContinuationTokenSecret"/>, or, without
/// one, from the connection string: a development set-up whose tokens only keep out accidents, since Azurite's key
/// is public. Every host of one index needs the same secret; changing it invalidates the tokens handed out.
/// </remarks>
internal sealed class PageTokens
{
    // 128 bits of tag: forging a token takes 2^128 guesses.
    private const int TagBytes = 16;

    private const string NotIssued = "The continuation token was not issued by this listing.";

    private static readonly byte[] Purpose = "FunctionScheduler continuation tokens v1"u8.ToArray();

    private readonly byte[] _key;

    public PageTokens(TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var material = KeyMaterial(options)
            ?? throw new InvalidOperationException("Neither a continuation token secret nor a connection string is configured.");
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt: null, info: Purpose);
    }

    /// <summary>
    /// The secret bytes tokens are keyed with: <see cref="TableStorageOptions.ContinuationTokenSecret"/> (UTF-8
    /// text, or base64 after <c>base64:</c>), else the connection string's text; null when neither is usable.
    /// </summary>
    public static byte[]? KeyMaterial(TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.ContinuationTokenSecret))
        {
            return SigningKey.TryGetBytes(options.ContinuationTokenSecret) is { Length: >= TableStorageOptions.MinimumTokenSecretBytes } key ? key : null;
        }

        return string.IsNullOrWhiteSpace(options.ConnectionString) ? null : Encoding.UTF8.GetBytes(options.ConnectionString);
    }

    /// <summary>The client's token for the service's <paramref name="serviceToken"/> of the listing <paramref name="scope"/>.</summary>
    public string? Seal(string? serviceToken, string scope)
    {
        if (serviceToken is null)
        {
            return null;
        }

        var payload = Encoding.UTF8.GetBytes(serviceToken);
        return Base64Url.EncodeToString([.. payload, .. Tag(payload, scope)]);
    }

    /// <summary>The service's token inside <paramref name="token"/>, if this listing issued it; else <see cref="InvalidContinuationTokenException"/>.</summary>
    public string Open(string token, string scope)
    {
        ArgumentNullException.ThrowIfNull(token);
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException ex)
        {
            throw Refused(ex);
        }

        if (bytes.Length <= TagBytes)
        {
            throw Refused(null);
        }

        var payload = bytes.AsSpan(0, bytes.Length - TagBytes);
        if (!CryptographicOperations.FixedTimeEquals(bytes.AsSpan(payload.Length), Tag(payload, scope)))
        {
            throw Refused(null);
        }

        return Encoding.UTF8.GetString(payload);
    }

    private byte[] Tag(ReadOnlySpan<byte> payload, string scope)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        var scopeBytes = Encoding.UTF8.GetBytes(scope);

        // Lengths first, so that no (scope, payload) pair can be read as another.
        hmac.AppendData(BitConverter.GetBytes(scopeBytes.Length));
        hmac.AppendData(scopeBytes);
        hmac.AppendData(payload);
        return hmac.GetHashAndReset()[..TagBytes];
    }

    private static InvalidContinuationTokenException Refused(Exception? inner) => inner is null
        ? new(NotIssued)
        : new(NotIssued, inner);
}
