using System.Net.Http;
using System.Text;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Targets;

/// <summary>Reads the start of a response body without reading (or buffering) the rest.</summary>
internal static class ResponseSnippet
{
    private const int ReaderBufferBytes = 1024;

    /// <summary>
    /// At most <see cref="RunRecord.MaxSnippetLength"/> characters, decoded per the response's charset, with the
    /// secrets <paramref name="redactor"/> knows removed; null for an empty body. Reads as far past the cut as a
    /// hidden secret can reach, so that one straddling the cut is removed whole rather than half kept.
    /// </summary>
    public static async Task<string?> ReadAsync(HttpContent content, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var encoding = EncodingOf(content.Headers.ContentType?.CharSet);
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, ReaderBufferBytes, leaveOpen: false);
        var buffer = new char[RunRecord.MaxSnippetLength + redactor.LongestMatch];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        return read == 0 ? null : RunRecord.Cut(redactor.Redact(new string(buffer, 0, read)), RunRecord.MaxSnippetLength);
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
