using System.Buffers;
using System.Runtime.CompilerServices;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace FunctionScheduler.Http;

/// <summary>
/// Reads a JSON-lines request body (an import) line by line as it arrives: application/x-ndjson or application/jsonl
/// in UTF-8 (anything else is 415, as for JSON bodies); lines end in LF or CRLF; blank lines are skipped. Only one
/// line is held at a time, and a line is kept to one byte past the contract's 1 MiB (the core's reader then refuses
/// it by name) so that no line is buffered whole beyond that; past the body limit the read stops with a 413.
/// </summary>
public static class JsonLinesRequestBody
{
    private const byte LineFeed = (byte)'\n';

    /// <summary>Whether the request's content type is one of <see cref="JsonLines.AcceptedMediaTypes"/>, in UTF-8.</summary>
    public static bool IsJsonLines(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }

        var charset = media.Charset.Value;
        return JsonLines.AcceptedMediaTypes.Contains(type, StringComparer.OrdinalIgnoreCase)
            && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The body's non-blank lines. Throws <see cref="BadHttpRequestException"/> with 413 once more than
    /// <paramref name="limit"/> bytes arrived (the shared failure mapping answers it).
    /// </summary>
    public static async IAsyncEnumerable<JsonLine> ReadAsync(HttpRequest request, long limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        // The server's own cap fits JSON bodies (the standalone host sets Kestrel's to the JSON limit); an import
        // may be larger, and this reader enforces its own limit as it goes.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        var reader = request.BodyReader;
        var line = new LineBuffer(DefinitionLimits.MaxDocumentBytes + 1);
        var number = 0;
        long total = 0;
        while (true)
        {
            // Everything read is consumed at once (into the line buffer), so each read's buffer holds new bytes only.
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            total += buffer.Length;
            if (total > limit)
            {
                reader.AdvanceTo(buffer.End);
                throw TooLarge(limit);
            }

            var position = buffer.Start;
            while (buffer.Slice(position).PositionOf(LineFeed) is { } end)
            {
                line.Append(buffer.Slice(position, end));
                position = buffer.GetPosition(1, end);
                number++;
                if (line.Take() is { } complete)
                {
                    yield return new JsonLine(number, complete);
                }
            }

            line.Append(buffer.Slice(position));
            reader.AdvanceTo(buffer.End);
            if (read.IsCompleted)
            {
                number++;
                if (line.Take() is { } last)
                {
                    yield return new JsonLine(number, last);
                }

                yield break;
            }
        }
    }

    private static BadHttpRequestException TooLarge(long limit) =>
        new($"Import bodies are limited to {limit} bytes.", StatusCodes.Status413PayloadTooLarge);

    // The bytes of the current line, kept to a cap; a line over it keeps only the cap (the reader then refuses it).
    private sealed class LineBuffer(int cap)
    {
        private readonly ArrayBufferWriter<byte> _bytes = new();

        public void Append(ReadOnlySequence<byte> part)
        {
            foreach (var segment in part)
            {
                var room = cap - _bytes.WrittenCount;
                if (room > 0)
                {
                    _bytes.Write(segment.Span[..Math.Min(room, segment.Length)]);
                }
            }
        }

        // The line without its CR, or null for a blank one; the buffer is empty afterwards.
        public ReadOnlyMemory<byte>? Take()
        {
            var span = _bytes.WrittenSpan;
            if (span.Length > 0 && span[^1] == (byte)'\r')
            {
                span = span[..^1];
            }

            var line = span.Trim(" \t"u8).IsEmpty ? (ReadOnlyMemory<byte>?)null : span.ToArray();
            _bytes.ResetWrittenCount();
            return line;
        }
    }
}
