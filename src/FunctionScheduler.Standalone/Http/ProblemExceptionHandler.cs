using System.Diagnostics;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace FunctionScheduler.Standalone.Http;

/// <summary>
/// The one place an exception becomes a response: a problem document, never a stack trace. Requests Kestrel could
/// not read keep their 4xx status; an unreachable index is 503; anything else is a logged 500.
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        ApiResponse response;
        if (exception is BadHttpRequestException bad)
        {
            response = HostProblems.BadRequest(bad.StatusCode, bad.Message);
        }
        else if (StorageFailures.IsUnavailable(exception))
        {
            LogStorageUnavailable(exception, httpContext.Request.Method, httpContext.Request.Path);
            response = Problems.Unavailable("The task index cannot be reached; try again shortly.");
        }
        else
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            response = HostProblems.Internal(Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier);
        }

        await new ApiResponseResult(response).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private partial void LogUnhandled(Exception exception, string method, string path);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "{Method} {Path}: the task index is unreachable")]
    private partial void LogStorageUnavailable(Exception exception, string method, string path);
}
