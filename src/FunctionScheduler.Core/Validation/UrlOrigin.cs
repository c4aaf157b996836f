namespace FunctionScheduler.Core.Validation;

/// <summary>
/// The origin of an http(s) URL (RFC 6454: scheme, host, port), normalised so that spellings of one server compare
/// equal: the scheme and host in lower case, the host in its IDNA (punycode) form without a final dot, the port
/// explicit (80 and 443 when left out).
/// </summary>
internal readonly record struct UrlOrigin(string Scheme, string Host, int Port)
{
    public static UrlOrigin Of(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.IdnHost.ToLowerInvariant();
        return new UrlOrigin(url.Scheme.ToLowerInvariant(), host.EndsWith('.') ? host[..^1] : host, url.Port);
    }

    public override string ToString() => $"{Scheme}://{Host}:{Port}";
}
