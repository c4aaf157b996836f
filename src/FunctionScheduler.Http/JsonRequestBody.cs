using System.Buffers;
using FunctionScheduler.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FunctionScheduler.Http;

/// <summary>
/// The one request-body reader of both hosts. Reads a JSON body as bytes for the core's validating reader: 415
/// unless the content type is application/json or an application/*+json type in UTF-8 (no Content-Type at all is
/// 415 too: the contract is JSON, and guessing would accept form posts); 413 past the limit, whether or not
/// Content-Length was sent. The read stops at the limit, so an oversized body is never buffered whole.
/// </summary>
public static class JsonRequestBody
{
    public static async Task<(ReadOnlyMemory<byte> Body, ApiResponse? Problem)> ReadAsync(
        HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return (default, HttpProblems.UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > limit)
        {
            return (default, HttpProblems.PayloadTooLarge(limit));
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.End);
                return (default, HttpProblems.PayloadTooLarge(limit));
            }

            if (read.IsCompleted)
            {
                var body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return (body, null);
            }

            // Nothing consumed yet: ask for more until the body is complete.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>application/json or application/*+json, with no charset or UTF-8; text/json is not JSON here.</summary>
    public static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }

        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return json && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }
}
