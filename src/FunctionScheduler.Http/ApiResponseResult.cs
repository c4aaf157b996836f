using System.Text.Json;
using FunctionScheduler.Core.Api;
using Microsoft.AspNetCore.Http;

namespace FunctionScheduler.Http;

/// <summary>
/// The one response writer of both hosts: writes a core <see cref="ApiResponse"/> (status, Location, ETag, content
/// type and the body through <see cref="SchedulerJson"/>). A problem without an instance gets the request path.
/// </summary>
public sealed class ApiResponseResult(ApiResponse response) : IResult, IStatusCodeHttpResult
{
    public ApiResponse Response => response;

    public int? StatusCode => response.StatusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var http = httpContext.Response;
        http.StatusCode = response.StatusCode;
        if (response.Location is { } location)
        {
            http.Headers.Location = location;
        }

        if (response.ETag is { } etag)
        {
            http.Headers.ETag = AsEntityTag(etag);
        }

        var body = response.Body is ProblemDocument { Instance: null } problem
            ? problem with { Instance = httpContext.Request.Path.Value }
            : response.Body;
        if (body is null)
        {
            return;
        }

        http.ContentType = response.ContentType;
        if (body is JsonLines lines)
        {
            await WriteLinesAsync(http, lines, httpContext.RequestAborted);
            return;
        }

        await JsonSerializer.SerializeAsync(http.Body, body, body.GetType(), SchedulerJson.Options, httpContext.RequestAborted);
    }

    // One value per line, each flushed as written: the client reads lines as they come and the server holds one.
    private static async Task WriteLinesAsync(HttpResponse http, JsonLines lines, CancellationToken cancellationToken)
    {
        await foreach (var item in lines.Items.WithCancellation(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(http.Body, item, item.GetType(), SchedulerJson.Options, cancellationToken);
            await http.Body.WriteAsync(LineFeed, cancellationToken);
        }
    }

    private static readonly ReadOnlyMemory<byte> LineFeed = "\n"u8.ToArray();

    // Table Storage versions are already entity tags (W/"datetime'...'"); anything else is quoted to become one.
    private static string AsEntityTag(string version) =>
        version.StartsWith('"') || version.StartsWith("W/\"", StringComparison.Ordinal) ? version : $"\"{version}\"";
}
