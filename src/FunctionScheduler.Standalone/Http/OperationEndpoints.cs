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
    public const string StartBackfillName = "StartBackfill";
    public const string ExportTasksName = "ExportTasks";
    public const string ImportTasksName = "ImportTasks";
    private const string ProblemJson = "application/problem+json";

    public static RouteGroupBuilder MapOperationEndpoints(this RouteGroupBuilder tasks)
    {
        tasks.MapPost("/{id}/backfill", (string id, HttpRequest request, TasksApi api, ApiEndpoint endpoint) =>
                endpoint.RunWithBodyAsync(request, (body, ct) => api.StartBackfillAsync(id, body, ct)))
            .WithName(StartBackfillName)
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

        tasks.MapGet("/{id}/versions", (string id, HttpContext http, TasksApi api, ApiEndpoint endpoint) => endpoint.RunAsync(http, ct => api.ListVersionsAsync(id, ct)))
            .WithName("ListVersions")
            .WithSummary("Lists the task's current definition and its kept earlier ones, newest first, each with the fields it changed.")
            .Produces<PageRepresentation<TaskVersionRepresentation>>(200)
            .Produces<ProblemDocument>(404, ProblemJson);

        tasks.MapGet("/{id}/versions/{version}", (string id, string version, HttpContext http, TasksApi api, ApiEndpoint endpoint) =>
                endpoint.RunAsync(http, ct => api.GetVersionAsync(id, version, ct)))
            .WithName("GetVersion")
            .WithSummary("Reads one kept version with its definition; secret header values are never returned.")
            .Produces<TaskVersionRepresentation>(200)
            .Produces<ProblemDocument>(404, ProblemJson);

        tasks.MapPost("/{id}/versions/{version}/restore", (string id, string version, HttpContext http, TasksApi api, ApiEndpoint endpoint) =>
                endpoint.RunAsync(http, ct => api.RestoreVersionAsync(id, version, ct)))
            .WithName("RestoreVersion")
            .WithSummary("Makes a kept version's definition current again, as a replace (a new version); its secrets only for their origin.")
            .Produces<TaskRepresentation>(200)
            .Produces<ProblemDocument>(400, ProblemJson)
            .Produces<ProblemDocument>(404, ProblemJson)
            .Produces<ProblemDocument>(409, ProblemJson);

        // A literal segment wins over {id}, so GET /api/tasks/export is the export (no new task may take that id).
        tasks.MapGet("/export", (HttpRequest request, TasksApi api, ApiEndpoint endpoint) =>
                endpoint.RunAsync(request.HttpContext, ct => api.ExportAsync(QueryParameters.From(request), ct)))
            .WithName(ExportTasksName)
            .WithSummary("Streams every definition as JSON lines (application/x-ndjson), secret header values null; ?group= and ?state= filter.")
            .Produces(200, contentType: JsonLines.MediaType)
            .Produces<ProblemDocument>(400, ProblemJson);

        tasks.MapPost("/import", (HttpRequest request, TasksApi api, ApiEndpoint endpoint) =>
                endpoint.RunWithLinesAsync(request, (lines, ct) => api.ImportAsync(lines, QueryParameters.DryRun(request), ct)))
            .WithName(ImportTasksName)
            .WithSummary("Upserts one definition per JSON line, all checked before any is written; ?dryRun=true reports without writing.")
            .Produces<ImportReport>(200)
            .Produces<ProblemDocument>(400, ProblemJson)
            .Produces<ProblemDocument>(413, ProblemJson)
            .Produces<ProblemDocument>(415, ProblemJson);

        return tasks;
    }
}
