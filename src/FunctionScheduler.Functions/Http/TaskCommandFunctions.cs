using FunctionScheduler.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionScheduler.Functions.Http;

/// <summary>What can be done to a task besides editing it: pause, resume, run now, and its run history.</summary>
public sealed class TaskCommandFunctions(HttpApi http)
{
    [Function("PauseTask")]
    public Task<IResult> PauseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks/{id}/pause")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleAsync(request, client, (api, ct) => api.PauseAsync(id, ct));

    [Function("ResumeTask")]
    public Task<IResult> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks/{id}/resume")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleAsync(request, client, (api, ct) => api.ResumeAsync(id, ct));

    [Function("RunTask")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks/{id}/run")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleAsync(request, client, (api, ct) => api.RunNowAsync(id, ct));

    [Function("ListTaskRuns")]
    public Task<IResult> ListRunsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tasks/{id}/runs")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleAsync(request, client, (api, ct) => api.ListRunsAsync(id, QueryParameters.From(request), ct));
}
