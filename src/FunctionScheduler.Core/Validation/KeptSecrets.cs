using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Validation;

/// <summary>
/// What a secret header sent as null may keep on a PUT: the stored values, and the origins the target moves
/// between. A secret kept across a change of origin would be sent to a server its owner never gave it to, by
/// anyone who may replace the task; so a change of scheme, host or port needs every value again.
/// </summary>
/// <param name="Stored">The stored secret header values (names case-insensitive); empty on a create.</param>
/// <param name="From">The origin the values were stored for; null on a create.</param>
/// <param name="To">The request's origin; the same as <paramref name="From"/> when the request's URL is unusable.</param>
internal sealed record KeptSecrets(IReadOnlyDictionary<string, string> Stored, UrlOrigin? From, UrlOrigin? To)
{
    /// <summary>Whether the request moves the target to another origin.</summary>
    public bool Moved => From != To;

    /// <summary>
    /// The secrets of <paramref name="existing"/> for a request whose target URL is <paramref name="url"/> (null
    /// when missing or invalid, which is reported on its own).
    /// </summary>
    public static KeptSecrets Of(HttpTarget? existing, Uri? url)
    {
        if (existing is null)
        {
            return new KeptSecrets(new Dictionary<string, string>(), null, null);
        }

        var from = UrlOrigin.Of(existing.Url);
        return new KeptSecrets(existing.SecretHeaders, from, url is null ? from : UrlOrigin.Of(url));
    }
}
