using FunctionScheduler.Core.Api;
using FunctionScheduler.Functions.Durable;
using FunctionScheduler.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace FunctionScheduler.Functions.Http;

/// <summary>
/// Binds the invocation's Durable client into the core's <see cref="TasksApi"/> and hands the request to the shared
/// <see cref="ApiEndpoint"/>: the standalone host's body reader, failure mapping and writer, byte for byte.
/// </summary>
public sealed class HttpApi(TasksApiFactory apis, ApiEndpoint endpoint)
{
    /// <summary>Handles a request without a body.</summary>
    public Task<IResult> HandleAsync(
        HttpRequest request, DurableTaskClient client, Func<TasksApi, CancellationToken, Task<ApiResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        return endpoint.RunAsync(request.HttpContext, cancellationToken => handler(apis.Create(client), cancellationToken));
    }

    /// <summary>Handles a request whose JSON-lines body the handler reads as it arrives (an import).</summary>
    public Task<IResult> HandleLinesAsync(
        HttpRequest request, DurableTaskClient client, Func<TasksApi, IAsyncEnumerable<JsonLine>, CancellationToken, Task<ApiResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return endpoint.RunWithLinesAsync(request, (lines, cancellationToken) => handler(apis.Create(client), lines, cancellationToken));
    }

    /// <summary>Handles a request whose JSON body the handler reads.</summary>
    public Task<IResult> HandleBodyAsync(
        HttpRequest request, DurableTaskClient client, Func<TasksApi, ReadOnlyMemory<byte>, CancellationToken, Task<ApiResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return endpoint.RunWithBodyAsync(request, (body, cancellationToken) => handler(apis.Create(client), body, cancellationToken));
    }
}
