using System.Net;
using FunctionScheduler.Core.Api;
using Microsoft.Azure.Functions.Worker.Http;

namespace FunctionScheduler.Functions.Http;

/// <summary>Writes the core's <see cref="ApiResponse"/> as the HTTP response: status, Location, ETag, JSON body.</summary>
public static class ApiResponseWriter
{
    public static async Task<HttpResponseData> WriteAsync(HttpRequestData request, ApiResponse answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(answer);
        var response = request.CreateResponse((HttpStatusCode)answer.StatusCode);

        // Values are written as the core made them: an ETag from Table Storage is already a quoted (weak) tag.
        if (answer.Location is { } location)
        {
            response.Headers.TryAddWithoutValidation("Location", location);
        }

        if (answer.ETag is { } etag)
        {
            response.Headers.TryAddWithoutValidation("ETag", etag);
        }

        if (answer.Body is { } body)
        {
            response.Headers.TryAddWithoutValidation("Content-Type", $"{answer.ContentType}; charset=utf-8");
            await response.Body.WriteAsync(SchedulerJson.SerializeToUtf8Bytes(body), cancellationToken);
        }

        return response;
    }
}
