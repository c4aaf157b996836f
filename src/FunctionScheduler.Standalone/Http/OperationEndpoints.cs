using FunctionScheduler.Core.Api;
using FunctionScheduler.Http;

namespace FunctionScheduler.Standalone.Http;

/// <summary>
/// The routes that operate a task over time (issue 14): backfill, definition versions, export and import. Bound
/// and handed to the shared <see cref="TasksApi"/> through the shared <see cref="ApiEndpoint"/>, as the Functions
/// app's functions do.
/// </summary>
internal static class OperationEndpoints
{
    private const string ProblemJson = "application/problem+json";

    public static RouteGroupBuilder MapOperationEndpoints(this RouteGroupBuilder tasks)
    {
        tasks.MapPost("/{id}/backfill", (string id, HttpRequest request, TasksApi api, ApiEndpoint endpoint) =>
                endpoint.RunWithBodyAsync(request, (body, ct) => api.StartBackfillAsync(id, body, ct)))
            .WithName("StartBackfill")
            .WithSummary("Fires the occurrences of a past window of the task's schedule, oldest first, one at a time.")
            .Produces<BackfillRepresentation>(202)
            .Produces<ProblemDocument>(400, ProblemJson)
            .Produces<ProblemDocument>(404, ProblemJson)
            .Produces<ProblemDocument>(409, ProblemJson)
            .Produces<ProblemDocument>(413, ProblemJson)
            .Produces<ProblemDocument>(415, ProblemJson);

        tasks.MapGet("/{id}/backfill", (string id, HttpContext http, TasksApi api, ApiEndpoint endpoint) => endpoint.RunAsync(http, ct => api.GetBackfillAsync(id, ct)))
            .WithName("GetBackfill")
            .WithSummary("Reads the task's latest backfill, running or ended.")
            .Produces<BackfillRepresentation>(200)
            .Produces<ProblemDocument>(404, ProblemJson);

        tasks.MapDelete("/{id}/backfill", (string id, HttpContext http, TasksApi api, ApiEndpoint endpoint) => endpoint.RunAsync(http, ct => api.CancelBackfillAsync(id, ct)))
            .WithName("CancelBackfill")
            .WithSummary("Cancels the task's running backfill (idempotent); an occurrence already claimed still fires.")
            .Produces<BackfillRepresentation>(200)
            .Produces<ProblemDocument>(404, ProblemJson);

        return tasks;
    }
}
