using FunctionScheduler.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Http;

/// <summary>
/// What every route of both hosts goes through: reads the body (when there is one) with the one reader, calls the
/// core's handler, maps any failure in the one place, and answers through the one writer. Nothing a client sends
/// can cause a 500: the handlers answer bad input with 400, 404, 409, 413 or 415.
/// </summary>
public sealed class ApiEndpoint(ApiFailures failures, IOptions<HttpApiOptions> options)
{
    /// <summary>Runs a handler that needs no body.</summary>
    public async Task<IResult> RunAsync(HttpContext httpContext, Func<CancellationToken, Task<ApiResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(handler);
        var cancellationToken = httpContext.RequestAborted;
        try
        {
            return new ApiResponseResult(await handler(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ApiResponseResult(failures.ToResponse(httpContext, ex));
        }
    }

    /// <summary>
    /// Runs a handler over the request's JSON-lines body (read as the handler goes), or answers 415 for another
    /// content type; a body past the import limit ends in the reader's 413.
    /// </summary>
    public Task<IResult> RunWithLinesAsync(HttpRequest request, Func<IAsyncEnumerable<JsonLine>, CancellationToken, Task<ApiResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        return RunAsync(request.HttpContext, cancellationToken => JsonLinesRequestBody.IsJsonLines(request.ContentType)
            ? handler(JsonLinesRequestBody.ReadAsync(request, options.Value.MaxImportBodyBytes, cancellationToken), cancellationToken)
            : Task.FromResult(HttpProblems.UnsupportedMediaType(request.ContentType, JsonLines.MediaType)));
    }

    /// <summary>Runs a handler over the request's JSON body, or answers the reader's 413/415 problem.</summary>
    public Task<IResult> RunWithBodyAsync(HttpRequest request, Func<ReadOnlyMemory<byte>, CancellationToken, Task<ApiResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        return RunAsync(request.HttpContext, async cancellationToken =>
        {
            var (body, problem) = await JsonRequestBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
            return problem ?? await handler(body, cancellationToken);
        });
    }
}
