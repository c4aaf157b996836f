using FunctionScheduler.Core.Api;
using FunctionScheduler.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionScheduler.Functions.Http;

/// <summary>
/// The preview routes, the core's <see cref="SchedulePreviews"/> through the shared endpoint: they read the index (or
/// nothing) and wake no orchestration, so they bind no Durable client.
/// </summary>
public sealed class PreviewFunctions(SchedulePreviews previews, ApiEndpoint endpoint)
{
    [Function("PreviewSchedule")]
    public Task<IResult> PreviewAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "schedules/preview")] HttpRequest request) =>
        endpoint.RunWithBodyAsync(request, (body, _) => Task.FromResult(previews.Preview(body)));

    [Function("TaskOccurrences")]
    public Task<IResult> OccurrencesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tasks/{id}/occurrences")] HttpRequest request,
        string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return endpoint.RunAsync(request.HttpContext, ct => previews.ForTaskAsync(id, request.Query["count"], ct));
    }
}
