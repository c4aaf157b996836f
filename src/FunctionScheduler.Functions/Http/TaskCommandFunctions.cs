using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace FunctionScheduler.Functions.Http;

/// <summary>What can be done to a task besides editing it: pause, resume, run now, and its run history.</summary>
public sealed class TaskCommandFunctions(HttpApi http)
{
    [Function("PauseTask")]
    public Task<HttpResponseData> PauseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks/{id}/pause")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleAsync(request, client, (api, ct) => api.PauseAsync(id, ct));

    [Function("ResumeTask")]
    public Task<HttpResponseData> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks/{id}/resume")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleAsync(request, client, (api, ct) => api.ResumeAsync(id, ct));

    [Function("RunTask")]
    public Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks/{id}/run")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleAsync(request, client, (api, ct) => api.RunNowAsync(id, ct));

    [Function("ListTaskRuns")]
    public Task<HttpResponseData> ListRunsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tasks/{id}/runs")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleAsync(request, client, (api, ct) => api.ListRunsAsync(id, QueryParameters.From(request), ct));
}
