using System.Diagnostics;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Http;

/// <summary>
/// The one place a failure becomes a response, on both hosts: a problem document, never a stack trace. Requests the
/// server could not read keep their 4xx status; contention past the handlers' retries is 409; an unreachable index
/// is 503; anything else is a logged 500 naming the trace id.
/// </summary>
public sealed partial class ApiFailures(ILogger<ApiFailures> logger)
{
    public ApiResponse ToResponse(HttpContext httpContext, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        var request = httpContext.Request;
        switch (exception)
        {
            case BadHttpRequestException bad:
                return HttpProblems.BadRequest(bad.StatusCode, bad.Message);
            case ConcurrencyConflictException:
                LogContended(exception, request.Method, request.Path);
                return HttpProblems.Contended();
            case var _ when StorageFailures.IsUnavailable(exception):
                LogUnavailable(exception, request.Method, request.Path);
                return Problems.Unavailable("The task index cannot be reached; try again shortly.");
            default:
                var traceId = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
                LogUnexpected(exception, request.Method, request.Path, traceId);
                return HttpProblems.Internal(traceId);
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "{Method} {Path}: the task kept changing; answered 409")]
    private partial void LogContended(Exception exception, string method, string path);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "{Method} {Path}: the task index is unreachable; answered 503")]
    private partial void LogUnavailable(Exception exception, string method, string path);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "{Method} {Path}: unexpected failure (trace {TraceId}); answered 500")]
    private partial void LogUnexpected(Exception exception, string method, string path, string traceId);
}
