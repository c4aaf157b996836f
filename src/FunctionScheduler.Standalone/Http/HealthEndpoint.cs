using FunctionScheduler.Core.Api;
using FunctionScheduler.Standalone.Dispatching;

namespace FunctionScheduler.Standalone.Http;

/// <summary>GET /api/health: anonymous; 200 when the task index answers a one-item listing, else a 503 problem.</summary>
internal static class HealthEndpoint
{
    public const string Path = "/api/health";

    public static RouteHandlerBuilder MapHealthEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, CheckAsync)
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Checks that the host is up and the task index answers.")
            .Produces<HealthReport>(200)
            .Produces<ProblemDocument>(503, "application/problem+json");

    private static async Task<IResult> CheckAsync(HealthCheck health, TaskDispatcher dispatcher, CancellationToken ct) =>
        new ApiResponseResult(await health.CheckAsync(dispatcher.InstanceId, ct));
}
