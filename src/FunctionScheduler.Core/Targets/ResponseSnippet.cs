using System.Net.Http;
using System.Text;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Targets;

/// <summary>What was read of a response body: the snippet a run keeps, and for a body check the text it checks.</summary>
/// <param name="Snippet">At most <see cref="RunRecord.MaxSnippetLength"/> characters, secrets removed; null for an empty body.</param>
/// <param name="Body">The body as read for a check (secrets not removed: it is checked, never kept), or null.</param>
/// <param name="Complete">Whether <paramref name="Body"/> is the whole body.</param>
internal sealed record ResponseText(string? Snippet, string? Body, bool Complete)
{
    /// <summary>Nothing could be read (the body broke off or was too slow).</summary>
    public static readonly ResponseText Unreadable = new(null, null, false);
}

/// <summary>Reads the start of a response body without reading (or buffering) the rest.</summary>
internal static class ResponseSnippet
{
    private const int ReaderBufferBytes = 1024;

    /// <summary>
    /// The snippet: at most <see cref="RunRecord.MaxSnippetLength"/> characters, decoded per the response's charset,
    /// with the secrets <paramref name="redactor"/> knows removed. Reads as far past the cut as a hidden secret can
    /// reach, so that one straddling the cut is removed whole rather than half kept; and, when
    /// <paramref name="checkedChars"/> is above zero, that many characters for a body check (one more tells whether
    /// the body goes on).
    /// </summary>
    public static async Task<ResponseText> ReadAsync(HttpContent content, SecretRedactor redactor, int checkedChars, CancellationToken cancellationToken)
    {
        var encoding = EncodingOf(content.Headers.ContentType?.CharSet);
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, ReaderBufferBytes, leaveOpen: false);
        var snippetChars = RunRecord.MaxSnippetLength + redactor.LongestMatch;
        var buffer = new char[checkedChars > 0 ? Math.Max(snippetChars, checkedChars + 1) : snippetChars];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        var snippet = read == 0 ? null : RunRecord.Cut(redactor.Redact(new string(buffer, 0, Math.Min(read, snippetChars))), RunRecord.MaxSnippetLength);
        if (checkedChars <= 0)
        {
            return new ResponseText(snippet, null, true);
        }

        var complete = read <= checkedChars;
        return new ResponseText(snippet, read == 0 ? null : new string(buffer, 0, Math.Min(read, checkedChars)), complete);
    }

    private static Encoding EncodingOf(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            // An unknown charset still yields a readable snippet for the common (ASCII-compatible) case.
            return Encoding.UTF8;
        }
    }
}
