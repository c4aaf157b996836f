using System.Buffers;
using FunctionScheduler.Core.Api;
using Microsoft.Net.Http.Headers;

namespace FunctionScheduler.Standalone.Http;

/// <summary>
/// Reads a JSON request body as bytes for the core's validating reader: 415 unless the content type is JSON
/// (application/json or a +json type, UTF-8), 413 past the size limit, whether or not Content-Length was sent.
/// </summary>
internal static class JsonRequestBody
{
    public static async Task<(ReadOnlyMemory<byte> Body, ApiResponse? Problem)> ReadAsync(
        HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return (default, HostProblems.UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > limit)
        {
            return (default, HostProblems.PayloadTooLarge(limit));
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.End);
                return (default, HostProblems.PayloadTooLarge(limit));
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

    internal static bool IsJson(string? contentType)
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
