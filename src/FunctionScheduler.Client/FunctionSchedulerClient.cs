using System.Globalization;
using System.Net.Http.Headers;
using FunctionScheduler.Contracts;

namespace FunctionScheduler.Client;

/// <summary>
/// Manages scheduled tasks on either runtime (the standalone host or the Azure Functions app) over the REST API.
/// Register it with <c>services.AddFunctionSchedulerClient(...)</c>, or construct it over an <see cref="HttpClient"/>.
/// Every failure is a <see cref="FunctionSchedulerException"/>. Methods are virtual so the client can be mocked.
/// </summary>
public partial class FunctionSchedulerClient
{
    private readonly HttpClient _http = null!;
    private readonly Uri _apiBase = null!;
    private readonly KeyValuePair<string, string>? _key;

    /// <summary>A client over <paramref name="httpClient"/> (which owns transport concerns such as resilience).</summary>
    public FunctionSchedulerClient(HttpClient httpClient, FunctionSchedulerClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var result = new FunctionSchedulerClientOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }

        _http = httpClient;
        var endpoint = options.Endpoint!.AbsoluteUri;
        _apiBase = new Uri(endpoint.EndsWith('/') ? endpoint + "api/" : endpoint + "/api/");
        _key = options.ApiKey is { } apiKey ? new(ApiKeyHeader, apiKey)
            : options.FunctionKey is { } functionKey ? new(FunctionKeyHeader, functionKey)
            : null;
    }

    /// <summary>For mocking.</summary>
    protected FunctionSchedulerClient()
    {
    }

    /// <summary>The header the standalone host reads its key from.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The header Azure Functions reads a function key from.</summary>
    public const string FunctionKeyHeader = "x-functions-key";

    /// <summary>
    /// Creates a task (POST /api/tasks). Without an id the server generates one. Never retried automatically: if the
    /// response is lost, read or list the task before creating it again. 409 when the id is taken.
    /// </summary>
    public virtual Task<TaskRepresentation> CreateTaskAsync(TaskDefinition definition, CancellationToken cancellationToken = default) =>
        CreateTaskAsync(SchedulerJson.SerializeToUtf8Bytes(definition), cancellationToken);

    /// <summary>Creates a task from a JSON definition as given (full or short form); the server checks every rule.</summary>
    public virtual Task<TaskRepresentation> CreateTaskAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken = default) =>
        SendAsync<TaskRepresentation>(HttpMethod.Post, "tasks", Json(utf8Json), repeatable: false, cancellationToken);

    /// <summary>
    /// Creates the task with this id or replaces it (PUT /api/tasks/{id}); idempotent. A secret header given with a
    /// null value keeps its stored value. The result's generation is 1 when the task was created.
    /// </summary>
    public virtual Task<TaskRepresentation> PutTaskAsync(string id, TaskDefinition definition, CancellationToken cancellationToken = default) =>
        PutTaskAsync(id, SchedulerJson.SerializeToUtf8Bytes(definition), cancellationToken);

    /// <summary>Creates or replaces the task from a JSON definition as given.</summary>
    public virtual Task<TaskRepresentation> PutTaskAsync(string id, ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken = default) =>
        SendAsync<TaskRepresentation>(HttpMethod.Put, TaskPath(id), Json(utf8Json), repeatable: true, cancellationToken);

    /// <summary>Reads a task (GET /api/tasks/{id}); secret header values come back as null. 404 when absent.</summary>
    public virtual Task<TaskRepresentation> GetTaskAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<TaskRepresentation>(HttpMethod.Get, TaskPath(id), null, repeatable: true, cancellationToken);

    /// <summary>Lists tasks (GET /api/tasks), optionally of one group and lifecycle state, fetching pages as needed.</summary>
    public virtual AsyncPageable<TaskRepresentation> GetTasksAsync(
        string? group = null, TaskLifecycle? state = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        new ServerPageable<TaskRepresentation>(
            (token, size, ct) => SendAsync<PageRepresentation<TaskRepresentation>>(
                HttpMethod.Get, "tasks" + Query(("group", group), ("state", StateName(state)), ("pageSize", Number(size)), ("continuationToken", token)), null, repeatable: true, ct),
            pageSize,
            cancellationToken);

    /// <summary>Deletes a task and its run history (DELETE /api/tasks/{id}). 404 when absent.</summary>
    public virtual Task DeleteTaskAsync(string id, CancellationToken cancellationToken = default) =>
        SendWithoutBodyAsync(HttpMethod.Delete, TaskPath(id), repeatable: true, cancellationToken);

    /// <summary>Pauses a task (POST /api/tasks/{id}/pause); idempotent. 409 for a completed task.</summary>
    public virtual Task<TaskRepresentation> PauseTaskAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<TaskRepresentation>(HttpMethod.Post, TaskPath(id) + "/pause", null, repeatable: true, cancellationToken);

    /// <summary>Resumes a task (POST /api/tasks/{id}/resume); idempotent; the paused period is not replayed.</summary>
    public virtual Task<TaskRepresentation> ResumeTaskAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<TaskRepresentation>(HttpMethod.Post, TaskPath(id) + "/resume", null, repeatable: true, cancellationToken);

    /// <summary>
    /// Fires the task once now, outside its schedule (POST /api/tasks/{id}/run; 202). Never retried automatically:
    /// each accepted request fires once.
    /// </summary>
    public virtual Task<TaskRepresentation> RunTaskNowAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<TaskRepresentation>(HttpMethod.Post, TaskPath(id) + "/run", null, repeatable: false, cancellationToken);

    /// <summary>A task's run history, newest first (GET /api/tasks/{id}/runs). 404 when the task is absent.</summary>
    public virtual AsyncPageable<RunRepresentation> GetRunsAsync(string id, int? pageSize = null, CancellationToken cancellationToken = default) =>
        new ServerPageable<RunRepresentation>(
            (token, size, ct) => SendAsync<PageRepresentation<RunRepresentation>>(
                HttpMethod.Get, TaskPath(id) + "/runs" + Query(("pageSize", Number(size)), ("continuationToken", token)), null, repeatable: true, ct),
            pageSize,
            cancellationToken);

    /// <summary>
    /// A schedule's next occurrences (UTC and local, with daylight-saving notes) and its text in words, before any
    /// task has it (POST /api/schedules/preview). The schedule meets a task's rules; its problems carry a task's
    /// pointers (/schedule/cron). Reads only, so it is retried like a read.
    /// </summary>
    public virtual Task<SchedulePreviewRepresentation> PreviewScheduleAsync(SchedulePreviewRequest request, CancellationToken cancellationToken = default) =>
        PreviewScheduleAsync(SchedulerJson.SerializeToUtf8Bytes(request), cancellationToken);

    /// <summary>Previews a schedule from a JSON request as given ({"schedule": {...}, "count": 10}); the server checks every rule.</summary>
    public virtual Task<SchedulePreviewRepresentation> PreviewScheduleAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken = default) =>
        SendAsync<SchedulePreviewRepresentation>(HttpMethod.Post, "schedules/preview", Json(utf8Json), repeatable: true, cancellationToken);

    /// <summary>A stored task's next occurrences from now, as its state stands (GET /api/tasks/{id}/occurrences). 404 when absent.</summary>
    public virtual Task<SchedulePreviewRepresentation> GetOccurrencesAsync(string id, int? count = null, CancellationToken cancellationToken = default) =>
        SendAsync<SchedulePreviewRepresentation>(HttpMethod.Get, TaskPath(id) + "/occurrences" + Query(("count", Number(count))), null, repeatable: true, cancellationToken);

    // Every route is one method over these two (FunctionSchedulerClient.Operations.cs has the operating routes): a
    // route the server adds later is one more method.
    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, bool repeatable, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, content, repeatable, cancellationToken).ConfigureAwait(false);
        return await ResponseReader.ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendWithoutBodyAsync(HttpMethod method, string path, bool repeatable, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, content: null, repeatable, cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> SendCoreAsync(
        HttpMethod method, string path, HttpContent? content, bool repeatable, CancellationToken cancellationToken, string accept = "application/json")
    {
        var request = new HttpRequestMessage(method, new Uri(_apiBase, path)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (_key is { } key)
        {
            request.Headers.TryAddWithoutValidation(key.Key, key.Value);
        }

        if (repeatable && method == HttpMethod.Post)
        {
            RepeatableRequests.MarkRepeatable(request);
        }

        return ResponseReader.SendAsync(_http, request, cancellationToken);
    }

    private static ByteArrayContent Json(ReadOnlyMemory<byte> utf8Json)
    {
        var content = new ByteArrayContent(utf8Json.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static string TaskPath(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return "tasks/" + Uri.EscapeDataString(id);
    }

    private static string? StateName(TaskLifecycle? state) => state?.ToString().ToLowerInvariant();

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return given.Count == 0 ? string.Empty : "?" + string.Join('&', given);
    }
}
