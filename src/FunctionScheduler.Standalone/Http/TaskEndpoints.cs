using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Http;

namespace FunctionScheduler.Standalone.Http;

/// <summary>
/// The REST contract's routes. Each one binds what the request carries and hands it to the shared
/// <see cref="TasksApi"/> through the shared <see cref="ApiEndpoint"/> (body reader, failure mapping, writer), as the
/// Functions app's functions do; validation, status codes and bodies are the core's.
/// </summary>
internal static class TaskEndpoints
{
    public const string CreateTaskName = "CreateTask";
    public const string PutTaskName = "PutTask";
    public const string ListTasksName = "ListTasks";
    public const string ListRunsName = "ListRuns";
    private const string ProblemJson = "application/problem+json";

    public static RouteGroupBuilder MapTaskEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tasks = endpoints.MapGroup(TasksApi.BasePath)
            .WithTags("Tasks")
            .AddEndpointFilter<ApiKeyFilter>()
            .WithMetadata(new ProducesResponseTypeMetadata(401, typeof(ProblemDocument), [ProblemJson]));

        tasks.MapPost("", CreateAsync)
            .WithName(CreateTaskName)
            .WithSummary("Creates a task (id optional: generated when absent).")
            .Produces<TaskRepresentation>(201)
            .ProducesBodyProblems()
            .Produces<ProblemDocument>(409, ProblemJson);

        tasks.MapGet("", ListAsync)
            .WithName(ListTasksName)
            .WithSummary("Lists tasks, optionally by group and lifecycle state, a page at a time.")
            .Produces<PageRepresentation<TaskRepresentation>>(200)
            .Produces<ProblemDocument>(400, ProblemJson);

        tasks.MapPut("/{id}", PutAsync)
            .WithName(PutTaskName)
            .WithSummary("Creates the task with this id (201) or replaces it (200); the group of an existing task cannot change.")
            .Produces<TaskRepresentation>(200)
            .Produces<TaskRepresentation>(201)
            .ProducesBodyProblems()
            .Produces<ProblemDocument>(409, ProblemJson);

        tasks.MapGet("/{id}", (string id, HttpContext http, TasksApi api, ApiEndpoint endpoint) => endpoint.RunAsync(http, ct => api.GetAsync(id, ct)))
            .WithName("GetTask")
            .WithSummary("Reads a task; secret header values are never returned.")
            .Produces<TaskRepresentation>(200)
            .Produces<ProblemDocument>(404, ProblemJson);

        tasks.MapDelete("/{id}", (string id, HttpContext http, TasksApi api, ApiEndpoint endpoint) => endpoint.RunAsync(http, ct => api.DeleteAsync(id, ct)))
            .WithName("DeleteTask")
            .WithSummary("Deletes a task and its run history.")
            .Produces(204)
            .Produces<ProblemDocument>(404, ProblemJson);

        MapCommand(tasks, "pause", "PauseTask", "Pauses a task (idempotent); 409 for a completed task.", 200, (api, id, ct) => api.PauseAsync(id, ct));
        MapCommand(tasks, "resume", "ResumeTask", "Resumes a task (idempotent); the paused period is not replayed.", 200, (api, id, ct) => api.ResumeAsync(id, ct));
        MapCommand(tasks, "run", "RunTask", "Fires the task once now, outside its schedule, in any state.", 202, (api, id, ct) => api.RunNowAsync(id, ct));

        tasks.MapGet("/{id}/runs", ListRunsAsync)
            .WithName(ListRunsName)
            .WithSummary("Lists a task's runs, newest first, a page at a time.")
            .Produces<PageRepresentation<RunRepresentation>>(200)
            .Produces<ProblemDocument>(400, ProblemJson)
            .Produces<ProblemDocument>(404, ProblemJson);

        return tasks.MapOperationEndpoints();
    }

    private static Task<IResult> CreateAsync(HttpRequest request, TasksApi api, ApiEndpoint endpoint) =>
        endpoint.RunWithBodyAsync(request, (body, ct) => api.CreateAsync(body, ct));

    private static Task<IResult> PutAsync(string id, HttpRequest request, TasksApi api, ApiEndpoint endpoint) =>
        endpoint.RunWithBodyAsync(request, (body, ct) => api.PutAsync(id, body, ct));

    private static Task<IResult> ListAsync(HttpRequest request, TasksApi api, ApiEndpoint endpoint) =>
        endpoint.RunAsync(request.HttpContext, ct => api.ListAsync(QueryParameters.From(request), ct));

    private static Task<IResult> ListRunsAsync(string id, HttpRequest request, TasksApi api, ApiEndpoint endpoint) =>
        endpoint.RunAsync(request.HttpContext, ct => api.ListRunsAsync(id, QueryParameters.From(request), ct));

    private static void MapCommand(
        RouteGroupBuilder tasks, string verb, string name, string summary, int status, Func<TasksApi, string, CancellationToken, Task<ApiResponse>> handler) =>
        tasks.MapPost($"/{{id}}/{verb}", (string id, HttpContext http, TasksApi api, ApiEndpoint endpoint) => endpoint.RunAsync(http, ct => handler(api, id, ct)))
            .WithName(name)
            .WithSummary(summary)
            .Produces<TaskRepresentation>(status)
            .Produces<ProblemDocument>(404, ProblemJson)
            .Produces<ProblemDocument>(409, ProblemJson);

    private static RouteHandlerBuilder ProducesBodyProblems(this RouteHandlerBuilder builder) => builder
        .Produces<ProblemDocument>(400, ProblemJson)
        .Produces<ProblemDocument>(413, ProblemJson)
        .Produces<ProblemDocument>(415, ProblemJson);
}
