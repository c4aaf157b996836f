using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// Cuts secret values out of text a target wrote (its response body, reason phrase, Location header) before that
/// text is logged, put on a span or stored in run history, where anyone with the API key reads it. A target that
/// echoes its request would otherwise hand back the task's secret headers.
/// </summary>
/// <remarks>
/// <para>A secret is found as sent, and with any of its characters written in any of the escapes that echoes use
/// (mixed freely, letters in either case): percent-encoding (<c>%2B</c>, UTF-8 bytes; <c>+</c> for a space),
/// JSON and JavaScript escapes (<c>\u002b</c>, <c>\x2b</c>, <c>\"</c>, <c>\\</c>, <c>\/</c>, <c>\t</c>), HTML and
/// XML character references (<c>&amp;#43;</c>, <c>&amp;#x2B;</c>, <c>&amp;amp;</c>, <c>&amp;quot;</c> ...).</para>
/// <para>Not covered, because no finite list can be: a secret transformed as a whole (base64, hashed, compressed,
/// encoded twice), split up, or cut short by the target itself.</para>
/// </remarks>
internal sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mark = "[redacted]";

    // The longest way the escapes above write one character: "&#x" + 4 zeros + 6 hex digits + ";".
    private const int LongestEscape = 14;

    // Parts derived from a value shorter than this are not searched for; the value itself always is.
    private const int MinDerivedLength = 8;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex? _pattern;

    private SecretRedactor(IReadOnlyList<string> secrets)
    {
        var distinct = secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        _pattern = new Regex(
            string.Join('|', distinct.Select(Pattern)),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            MatchTimeout);
        LongestMatch = distinct[0].Length * LongestEscape;
    }

    /// <summary>A redactor that changes nothing.</summary>
    public static SecretRedactor None { get; } = new([]);

    /// <summary>
    /// The most characters one hidden secret can take in a text: read this much past a cut, so that a secret
    /// straddling it is seen whole and removed, not cut in two and half kept.
    /// </summary>
    public int LongestMatch { get; }

    /// <summary>A redactor for <paramref name="secrets"/> (empty ones are ignored).</summary>
    public static SecretRedactor For(IReadOnlyList<string> secrets) => new(secrets);

    /// <summary><paramref name="text"/> with every secret replaced by <see cref="Mark"/>.</summary>
    public string? Redact(string? text)
    {
        if (_pattern is null || string.IsNullOrEmpty(text))
        {
            return text;
        }

        try
        {
            return _pattern.Replace(text, Mark);
        }
        catch (RegexMatchTimeoutException)
        {
            // Text the search cannot finish is not kept at all.
            return Mark;
        }
    }

    /// <summary>
    /// The texts to find for a secret header value: the value, and for an authorization value (<c>Basic</c>,
    /// <c>Bearer</c>: a scheme, a space, credentials) the credentials alone and, when they are base64 of text,
    /// that text. Short derived parts are left out: they would cut ordinary words out of every snippet.
    /// </summary>
    public static IEnumerable<string> SpellingsOf(string secretHeaderValue)
    {
        ArgumentNullException.ThrowIfNull(secretHeaderValue);
        yield return secretHeaderValue;
        var space = secretHeaderValue.IndexOf(' ', StringComparison.Ordinal);
        var credentials = space > 0 ? secretHeaderValue[(space + 1)..].Trim(' ', '\t') : "";
        if (credentials.Length < MinDerivedLength)
        {
            yield break;
        }

        yield return credentials;
        if (DecodedText(credentials) is { Length: >= MinDerivedLength } decoded)
        {
            yield return decoded;
        }
    }

    private static string? DecodedText(string base64)
    {
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written))
        {
            return null;
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
            return text.Any(char.IsControl) ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Pattern(string secret)
    {
        var pattern = new StringBuilder();
        foreach (var rune in secret.EnumerateRunes())
        {
            pattern.Append("(?:").Append(string.Join('|', Spellings(rune))).Append(')');
        }

        return pattern.ToString();
    }

    // Every way the escapes in the remarks write one character, as regex alternatives: the escapes first, since
    // the first alternative that matches wins, and the literal '&' of "&#38;" would otherwise end a match early.
    private static IEnumerable<string> Spellings(Rune rune)
    {
        Span<byte> utf8 = stackalloc byte[4];
        var length = rune.EncodeToUtf8(utf8);
        yield return string.Concat(utf8[..length].ToArray().Select(b => "%" + Hex(b, 2)));

        Span<char> utf16 = stackalloc char[2];
        var units = rune.EncodeToUtf16(utf16);
        yield return string.Concat(utf16[..units].ToArray().Select(c => @"\\u" + Hex(c, 4)));
        if (rune.Value < 0x100)
        {
            yield return @"\\x" + Hex(rune.Value, 2);
        }

        if (JsonShortEscape(rune.Value) is { } shortEscape)
        {
            yield return Regex.Escape(shortEscape);
        }

        yield return "&#0{0,4}" + rune.Value.ToString(CultureInfo.InvariantCulture) + ";";
        yield return "&#x0{0,4}" + rune.Value.ToString("X", CultureInfo.InvariantCulture) + ";";
        if (HtmlEntity(rune.Value) is { } entity)
        {
            yield return entity;
        }

        if (rune.Value == ' ')
        {
            yield return @"\+";
        }

        yield return Regex.Escape(rune.ToString());
    }

    private static string Hex(int value, int digits) => value.ToString("X" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string? JsonShortEscape(int c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '/' => "\\/",
        '\t' => "\\t",
        _ => null,
    };

    private static string? HtmlEntity(int c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&apos;",
        _ => null,
    };
}
