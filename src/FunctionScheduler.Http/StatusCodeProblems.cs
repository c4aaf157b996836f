using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace FunctionScheduler.Http;

/// <summary>Gives the framework's bodiless error answers (no such route, method not allowed) a problem document.</summary>
public static class StatusCodeProblems
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.HttpContext.Response.StatusCode;
        var title = ReasonPhrases.GetReasonPhrase(status);
        return new ApiResponseResult(HttpProblems.ForStatus(status, title.Length == 0 ? "Error." : title + "."))
            .ExecuteAsync(context.HttpContext);
    }
}
