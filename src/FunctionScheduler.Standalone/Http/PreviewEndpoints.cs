using FunctionScheduler.Core.Api;
using FunctionScheduler.Http;

namespace FunctionScheduler.Standalone.Http;

/// <summary>
/// The preview routes (<see cref="SchedulePreviews"/>): a schedule's next occurrences before it is stored, and a
/// stored task's. Key-protected like every management call.
/// </summary>
internal static class PreviewEndpoints
{
    public const string PreviewScheduleName = "PreviewSchedule";
    public const string TaskOccurrencesName = "TaskOccurrences";
    private const string ProblemJson = "application/problem+json";

    public static IEndpointRouteBuilder MapPreviewEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SchedulePreviews.PreviewPath, (HttpRequest request, SchedulePreviews previews, ApiEndpoint endpoint) =>
                endpoint.RunWithBodyAsync(request, (body, _) => Task.FromResult(previews.Preview(body))))
            .WithName(PreviewScheduleName)
            .WithTags("Schedules")
            .WithSummary("Lists a schedule's next occurrences (UTC and local, with daylight-saving notes) and says it in words; validates it as a task's schedule.")
            .AddEndpointFilter<ApiKeyFilter>()
            .Produces<SchedulePreviewRepresentation>(200)
            .Produces<ProblemDocument>(400, ProblemJson)
            .Produces<ProblemDocument>(401, ProblemJson)
            .Produces<ProblemDocument>(413, ProblemJson)
            .Produces<ProblemDocument>(415, ProblemJson);

        endpoints.MapGet($"{TasksApi.BasePath}/{{id}}/occurrences", (string id, HttpRequest request, SchedulePreviews previews, ApiEndpoint endpoint) =>
                endpoint.RunAsync(request.HttpContext, ct => previews.ForTaskAsync(id, request.Query["count"], ct)))
            .WithName(TaskOccurrencesName)
            .WithTags("Tasks")
            .WithSummary("Lists a task's next occurrences from now, as its state stands.")
            .AddEndpointFilter<ApiKeyFilter>()
            .Produces<SchedulePreviewRepresentation>(200)
            .Produces<ProblemDocument>(400, ProblemJson)
            .Produces<ProblemDocument>(401, ProblemJson)
            .Produces<ProblemDocument>(404, ProblemJson);
        return endpoints;
    }
}
