using Azure;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Functions.Durable;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Functions.Http;

/// <summary>
/// The one place HTTP functions go through: reads the body within its limit, calls the core's handler, turns a
/// failure into a problem document, and writes the answer. No request ever gets a bare 500 page, and nothing a
/// client sent can cause a 500 (the handlers answer bad input with 400, 404, 409, 413 or 415).
/// </summary>
public sealed partial class HttpApi(TasksApiFactory apis, ILogger<HttpApi> logger)
{
    /// <summary>Handles a request without a body.</summary>
    public Task<HttpResponseData> HandleAsync(
        HttpRequestData request, DurableTaskClient client, Func<TasksApi, CancellationToken, Task<ApiResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return RunAsync(request, cancellationToken => handler(apis.Create(client), cancellationToken));
    }

    /// <summary>Handles a request whose JSON body the handler reads.</summary>
    public Task<HttpResponseData> HandleBodyAsync(
        HttpRequestData request, DurableTaskClient client, Func<TasksApi, ReadOnlyMemory<byte>, CancellationToken, Task<ApiResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return RunAsync(request, async cancellationToken =>
        {
            var body = await RequestBody.ReadAsync(request, cancellationToken);
            return body.Problem ?? await handler(apis.Create(client), body.Bytes, cancellationToken);
        });
    }

    /// <summary>Runs any handler with the shared failure mapping and writer.</summary>
    public async Task<HttpResponseData> RunAsync(HttpRequestData request, Func<CancellationToken, Task<ApiResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        var cancellationToken = request.FunctionContext.CancellationToken;
        ApiResponse answer;
        try
        {
            answer = await handler(cancellationToken);
        }
        catch (ConcurrencyConflictException ex)
        {
            // The handlers retry version conflicts a few times; still conflicting means heavy contention.
            LogContended(ex, request.Method, request.Url.AbsolutePath);
            answer = HttpProblems.Contended();
        }
        catch (Exception ex) when (StorageFailures.IsUnavailable(ex))
        {
            LogUnavailable(ex, request.Method, request.Url.AbsolutePath);
            answer = Problems.Unavailable("The task index did not answer; try again shortly.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var invocationId = request.FunctionContext.InvocationId;
            LogUnexpected(ex, request.Method, request.Url.AbsolutePath, invocationId);
            answer = HttpProblems.Unexpected(invocationId);
        }

        return await ApiResponseWriter.WriteAsync(request, answer, cancellationToken);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "{Method} {Path}: the task kept changing; answered 409")]
    private partial void LogContended(Exception exception, string method, string path);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "{Method} {Path}: the task index is unavailable; answered 503")]
    private partial void LogUnavailable(Exception exception, string method, string path);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "{Method} {Path}: unexpected failure (invocation {InvocationId}); answered 500")]
    private partial void LogUnexpected(Exception exception, string method, string path, string invocationId);
}
