using System.Globalization;
using System.Net.Http.Headers;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Validation;
using Microsoft.Azure.Functions.Worker.Http;

namespace FunctionScheduler.Functions.Http;

/// <summary>
/// A request body read in full, or the problem that stopped the read: a body that is not JSON (415) or larger than
/// the definition reader looks at (413). The read stops at the limit, so an oversized body is never buffered whole.
/// </summary>
public readonly record struct RequestBody(ReadOnlyMemory<byte> Bytes, ApiResponse? Problem)
{
    /// <summary>The largest body accepted: the same bound the core's definition reader enforces.</summary>
    public const int MaxBytes = DefinitionLimits.MaxDocumentBytes;

    public static async Task<RequestBody> ReadAsync(HttpRequestData request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contentType = Header(request, "Content-Type");
        if (contentType is not null && !IsJson(contentType))
        {
            return new RequestBody(default, HttpProblems.NotJson(contentType));
        }

        if (long.TryParse(Header(request, "Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var declared) && declared > MaxBytes)
        {
            return new RequestBody(default, HttpProblems.TooLarge(MaxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return new RequestBody(default, HttpProblems.TooLarge(MaxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return new RequestBody(buffer.ToArray(), null);
    }

    // application/json, text/json and any application/*+json type; parameters such as charset are not judged here.
    private static bool IsJson(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is not { } mediaType)
        {
            return false;
        }

        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static string? Header(HttpRequestData request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
