using FunctionScheduler.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionScheduler.Functions.Http;

/// <summary>A task's definition versions: list them, read one, make one current again.</summary>
public sealed class VersionFunctions(HttpApi http)
{
    [Function("ListVersions")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tasks/{id}/versions")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id) =>
        http.HandleAsync(request, client, (api, ct) => api.ListVersionsAsync(id, ct));

    [Function("GetVersion")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tasks/{id}/versions/{version}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string version) =>
        http.HandleAsync(request, client, (api, ct) => api.GetVersionAsync(id, version, ct));

    [Function("RestoreVersion")]
    public Task<IResult> RestoreAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks/{id}/versions/{version}/restore")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        string version) =>
        http.HandleAsync(request, client, (api, ct) => api.RestoreVersionAsync(id, version, ct));
}
