using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace FunctionScheduler.Standalone.Http;

/// <summary>Gives the framework's bodiless error answers (no such route, method not allowed) a problem document.</summary>
internal static class StatusCodeProblems
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.HttpContext.Response.StatusCode;
        var title = ReasonPhrases.GetReasonPhrase(status);
        return new ApiResponseResult(HostProblems.ForStatus(status, title.Length == 0 ? "Error." : title + "."))
            .ExecuteAsync(context.HttpContext);
    }
}
