using FunctionScheduler.Http;

namespace FunctionScheduler.Standalone.Http;

/// <summary>Refuses management calls without the right <c>X-Api-Key</c> with a 401 problem.</summary>
internal sealed class ApiKeyFilter(ApiKeys keys) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (keys.Matches(http.Request.Headers[ApiKeys.HeaderName]))
        {
            return next(context);
        }

        // RFC 9110 asks a 401 to say how to authenticate.
        http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiKeys.HeaderName}\"";
        return ValueTask.FromResult<object?>(new ApiResponseResult(HttpProblems.Unauthorized(ApiKeys.HeaderName)));
    }
}
