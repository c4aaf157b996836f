using FunctionScheduler.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionScheduler.Functions.Http;

/// <summary>A task's backfill: start one over a past window, read it, cancel it.</summary>
public sealed class BackfillFunctions(HttpApi http)
{
    [Function("StartBackfill")]
    public Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks/{id}/backfill")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleBodyAsync(request, client, (api, body, ct) => api.StartBackfillAsync(id, body, ct));

    [Function("GetBackfill")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tasks/{id}/backfill")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleAsync(request, client, (api, ct) => api.GetBackfillAsync(id, ct));

    [Function("CancelBackfill")]
    public Task<IResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "tasks/{id}/backfill")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleAsync(request, client, (api, ct) => api.CancelBackfillAsync(id, ct));
}
