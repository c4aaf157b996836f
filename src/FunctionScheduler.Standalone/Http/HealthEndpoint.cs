using FunctionScheduler.Core.Api;
using FunctionScheduler.Http;
using FunctionScheduler.Standalone.Dispatching;

namespace FunctionScheduler.Standalone.Http;

/// <summary>
/// GET (and HEAD) /api/health: anonymous; 200 when the task index answers a one-item listing, else a 503 problem.
/// Which instance answered (its claimant id names the machine and process) is shown only to a caller with the API
/// key: anyone may probe the host, but only operators learn its hostname and PID.
/// </summary>
internal static class HealthEndpoint
{
    public const string Path = "/api/health";

    public static RouteHandlerBuilder MapHealthEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], CheckAsync)
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Checks that the host is up and the task index answers; the instance is shown with the API key only.")
            .Produces<HealthReport>(200)
            .Produces<ProblemDocument>(503, "application/problem+json");

    private static Task<IResult> CheckAsync(HttpContext context, HealthCheck health, TaskDispatcher dispatcher, ApiKeys keys, ApiEndpoint endpoint)
    {
        var instance = keys.Matches(context.Request.Headers[ApiKeys.HeaderName]) ? dispatcher.InstanceId : null;
        return endpoint.RunAsync(context, ct => health.CheckAsync(instance, ct));
    }
}
