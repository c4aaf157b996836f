using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Storage;
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

    private static async Task<IResult> CheckAsync(ITaskStore store, TaskDispatcher dispatcher, TimeProvider time, CancellationToken ct)
    {
        try
        {
            await store.ListAsync(new TaskQuery(PageSize: 1), ct);
        }
        catch (Exception ex) when (StorageFailures.IsUnavailable(ex))
        {
            return new ApiResponseResult(Problems.Unavailable("The task index cannot be reached."));
        }

        return new ApiResponseResult(new ApiResponse(200, new HealthReport("healthy", dispatcher.InstanceId, time.GetUtcNow())));
    }
}

/// <summary>The health answer: status, which instance answered, and its clock.</summary>
internal sealed record HealthReport(string Status, string Instance, DateTimeOffset Time);
