using FunctionScheduler.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace FunctionScheduler.Standalone.Http;

/// <summary>
/// Exceptions that escape the routes (the routes map their own through the same <see cref="ApiFailures"/>) get the
/// same problem documents: registered with AddExceptionHandler and used by UseExceptionHandler.
/// </summary>
internal sealed class ProblemExceptionHandler(ApiFailures failures) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        await new ApiResponseResult(failures.ToResponse(httpContext, exception)).ExecuteAsync(httpContext);
        return true;
    }
}
