using System.Net;
using System.Text;
using System.Text.Json;

namespace Microsoft.Azure.Functions.Worker.Http;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseDataExtensions.cs@72d6679d788c
// Not transcribed: the four WriteAsJsonAsync overloads taking an Azure.Core ObjectSerializer.
public static class HttpResponseDataExtensions
{
    private const string JsonContentType = "application/json; charset=utf-8";

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseDataExtensions.cs@72d6679d788c
    public static void WriteString(this HttpResponseData response, string value, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(value);
        response.Body.Write((encoding ?? Encoding.UTF8).GetBytes(value));
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseDataExtensions.cs@72d6679d788c
    public static Task WriteStringAsync(this HttpResponseData response, string value, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(value);
        byte[] bytes = (encoding ?? Encoding.UTF8).GetBytes(value);
        return response.Body.WriteAsync(bytes, 0, bytes.Length);
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseDataExtensions.cs@72d6679d788c
    public static ValueTask WriteAsJsonAsync<T>(this HttpResponseData response, T instance, CancellationToken cancellationToken = default)
        => response.WriteAsJsonAsync(instance, JsonContentType, HttpStatusCode.OK, cancellationToken);

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseDataExtensions.cs@72d6679d788c
    public static ValueTask WriteAsJsonAsync<T>(this HttpResponseData response, T instance, HttpStatusCode statusCode, CancellationToken cancellationToken = default)
        => response.WriteAsJsonAsync(instance, JsonContentType, statusCode, cancellationToken);

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseDataExtensions.cs@72d6679d788c
    public static ValueTask WriteAsJsonAsync<T>(this HttpResponseData response, T instance, string contentType, CancellationToken cancellationToken = default)
        => response.WriteAsJsonAsync(instance, contentType, HttpStatusCode.OK, cancellationToken);

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseDataExtensions.cs@72d6679d788c
    // Like the real method: sets Content-Type and the status code, then serializes into Body. The real one serializes
    // with WorkerOptions.Serializer; see SurfaceJsonOptions for the surface's stand-in.
    public static ValueTask WriteAsJsonAsync<T>(this HttpResponseData response, T instance, string contentType, HttpStatusCode statusCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(contentType);
        response.Headers.Add("Content-Type", contentType);
        response.StatusCode = statusCode;
        return new ValueTask(JsonSerializer.SerializeAsync(response.Body, instance, SurfaceJsonOptions.For(response.FunctionContext), cancellationToken));
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseDataExtensions.cs@72d6679d788c
    public static void WriteBytes(this HttpResponseData response, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(value);
        response.Body.Write(value, 0, value.Length);
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseDataExtensions.cs@72d6679d788c
    public static Task WriteBytesAsync(this HttpResponseData response, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(value);
        return response.Body.WriteAsync(value, 0, value.Length);
    }
}
