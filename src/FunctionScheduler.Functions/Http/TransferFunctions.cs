using FunctionScheduler.Core.Validation;
using FunctionScheduler.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionScheduler.Functions.Http;

/// <summary>
/// Every definition out as JSON lines, and back in. The Functions host matches routes in the order it registered
/// them, not literal segments first, so GET tasks/export may reach GetTask with the id "export": GetTask hands that
/// id to <see cref="ExportAsync"/> (no task may take it), and the answer is the export either way.
/// </summary>
public sealed class TransferFunctions(HttpApi http)
{
    [Function("ExportTasks")]
    public Task<IResult> ExportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "tasks/export")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.HandleAsync(request, client, (api, ct) => api.ExportAsync(QueryParameters.From(request), ct));

    [Function("ImportTasks")]
    public Task<IResult> ImportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks/import")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        http.HandleLinesAsync(request, client, (api, lines, ct) => api.ImportAsync(lines, QueryParameters.DryRun(request), ct));

    /// <summary>Whether GET tasks/{id} names the export rather than a task.</summary>
    public static bool IsExport(string id) => string.Equals(id, ReservedIds.Export, StringComparison.OrdinalIgnoreCase);
}
