using System.Net;
using System.Text;
using System.Text.Json;

namespace Microsoft.Azure.Functions.Worker.Http;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestDataExtensions.cs@78b6c5e5c141
// Not transcribed: ReadFromJsonAsync<T>(HttpRequestData, ObjectSerializer, CancellationToken), which needs Azure.Core.
public static class HttpRequestDataExtensions
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestDataExtensions.cs@78b6c5e5c141
    public static async Task<string?> ReadAsStringAsync(this HttpRequestData request, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Body is null)
        {
            return null;
        }

        // leaveOpen: the body belongs to the request, not to this reader.
        using var reader = new StreamReader(request.Body, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: -1, leaveOpen: true);
        return await reader.ReadToEndAsync().ConfigureAwait(false);
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestDataExtensions.cs@78b6c5e5c141
    public static string? ReadAsString(this HttpRequestData request, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Body is null)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: -1, leaveOpen: true);
        return reader.ReadToEnd();
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestDataExtensions.cs@78b6c5e5c141
    // The real method deserializes with WorkerOptions.Serializer; see SurfaceJsonOptions for the surface's stand-in.
    public static ValueTask<T?> ReadFromJsonAsync<T>(this HttpRequestData request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return JsonSerializer.DeserializeAsync<T>(request.Body, SurfaceJsonOptions.For(request.FunctionContext), cancellationToken);
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestDataExtensions.cs@78b6c5e5c141
    public static HttpResponseData CreateResponse(this HttpRequestData request, HttpStatusCode statusCode)
    {
        ArgumentNullException.ThrowIfNull(request);
        HttpResponseData response = request.CreateResponse();
        response.StatusCode = statusCode;
        return response;
    }
}
