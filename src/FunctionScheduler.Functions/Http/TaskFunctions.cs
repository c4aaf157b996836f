using FunctionScheduler.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionScheduler.Functions.Http;

/// <summary>The task resource: create, replace, list, read, delete. Each function binds and hands over to the core.</summary>
public sealed class TaskFunctions(HttpApi http)
{
    [Function("CreateTask")]
    public Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.HandleBodyAsync(request, client, (api, body, ct) => api.CreateAsync(body, ct));

    [Function("ReplaceTask")]
    public Task<IResult> ReplaceAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "tasks/{id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleBodyAsync(request, client, (api, body, ct) => api.PutAsync(id, body, ct));

    [Function("ListTasks")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tasks")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.HandleAsync(request, client, (api, ct) => api.ListAsync(QueryParameters.From(request), ct));

    [Function("GetTask")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tasks/{id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleAsync(request, client, (api, ct) => TransferFunctions.IsExport(id)
            ? api.ExportAsync(QueryParameters.From(request), ct)
            : api.GetAsync(id, ct));

    [Function("DeleteTask")]
    public Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "tasks/{id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleAsync(request, client, (api, ct) => api.DeleteAsync(id, ct));
}
