using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using FunctionScheduler.Contracts;

namespace FunctionScheduler.Client;

// Operating tasks over time: backfill, definition versions, export and import.
public partial class FunctionSchedulerClient
{
    private const string JsonLinesMediaType = "application/x-ndjson";

    /// <summary>
    /// Starts a backfill (POST /api/tasks/{id}/backfill; 202): each occurrence of the task's schedule in the past
    /// window fires with its original instant, oldest first, one at a time; occurrences already recorded are passed
    /// over. Never retried automatically (a repeat answers 409 while the first runs). 409 while another runs.
    /// </summary>
    public virtual Task<BackfillRepresentation> StartBackfillAsync(string id, BackfillRequest request, CancellationToken cancellationToken = default) =>
        StartBackfillAsync(id, SchedulerJson.SerializeToUtf8Bytes(request), cancellationToken);

    /// <summary>Starts a backfill from a JSON request as given; the server checks every rule.</summary>
    public virtual Task<BackfillRepresentation> StartBackfillAsync(string id, ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken = default) =>
        SendAsync<BackfillRepresentation>(HttpMethod.Post, TaskPath(id) + "/backfill", Json(utf8Json), repeatable: false, cancellationToken);

    /// <summary>The task's latest backfill, running or ended (GET /api/tasks/{id}/backfill). 404 when it has none.</summary>
    public virtual Task<BackfillRepresentation> GetBackfillAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<BackfillRepresentation>(HttpMethod.Get, TaskPath(id) + "/backfill", null, repeatable: true, cancellationToken);

    /// <summary>Cancels the running backfill (DELETE /api/tasks/{id}/backfill); idempotent. An occurrence already claimed still fires.</summary>
    public virtual Task<BackfillRepresentation> CancelBackfillAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<BackfillRepresentation>(HttpMethod.Delete, TaskPath(id) + "/backfill", null, repeatable: true, cancellationToken);

    /// <summary>
    /// The task's current definition and its kept earlier ones, newest first, each with when it became current and
    /// the fields it changed (GET /api/tasks/{id}/versions); no definitions.
    /// </summary>
    public virtual async Task<IReadOnlyList<TaskVersionRepresentation>> GetVersionsAsync(string id, CancellationToken cancellationToken = default) =>
        (await SendAsync<PageRepresentation<TaskVersionRepresentation>>(HttpMethod.Get, TaskPath(id) + "/versions", null, repeatable: true, cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>One version with its definition, secret values null (GET /api/tasks/{id}/versions/{version}). 404 when not kept.</summary>
    public virtual Task<TaskVersionRepresentation> GetVersionAsync(string id, long version, CancellationToken cancellationToken = default) =>
        SendAsync<TaskVersionRepresentation>(HttpMethod.Get, VersionPath(id, version), null, repeatable: true, cancellationToken);

    /// <summary>
    /// Makes a kept version's definition current again (POST .../versions/{version}/restore), as a replace: a new
    /// version. Its secret values come back with it, for the origin they were given for. Never retried automatically.
    /// </summary>
    public virtual Task<TaskRepresentation> RestoreVersionAsync(string id, long version, CancellationToken cancellationToken = default) =>
        SendAsync<TaskRepresentation>(HttpMethod.Post, VersionPath(id, version) + "/restore", null, repeatable: false, cancellationToken);

    /// <summary>
    /// Every task definition (GET /api/tasks/export), optionally of one group and state, read line by line as the
    /// server streams them: each is a valid PUT body (secret values null). A stream the server had to cut short
    /// ends in a <see cref="FunctionSchedulerException"/>.
    /// </summary>
    public virtual async IAsyncEnumerable<TaskDefinition> ExportTasksAsync(
        string? group = null, TaskLifecycle? state = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var response = await SendCoreAsync(
            HttpMethod.Get, "tasks/export" + Query(("group", group), ("state", StateName(state))), null, repeatable: true, cancellationToken, JsonLinesMediaType).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        while (await ReadLineAsync(reader, cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0)
            {
                yield return ParseLine(line);
            }
        }
    }

    /// <summary>
    /// Upserts the definitions (POST /api/tasks/import), one line each; every one needs its id. The server checks
    /// them all before it writes any: a broken one fails the whole import with field errors that carry their line
    /// (<see cref="FieldError.Line"/>). With <paramref name="dryRun"/> nothing is written and the report says what
    /// would be. Retried like a PUT (an import applied twice leaves the second unchanged).
    /// </summary>
    public virtual Task<ImportReport> ImportTasksAsync(IEnumerable<TaskDefinition> definitions, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var body = new MemoryStream();
        foreach (var definition in definitions)
        {
            JsonSerializer.Serialize(body, definition, SchedulerJson.Options);
            body.WriteByte((byte)'\n');
        }

        return ImportTasksAsync(body.ToArray(), dryRun, cancellationToken);
    }

    /// <summary>Upserts the JSON lines as given (an export's output, say); see the other overload.</summary>
    public virtual Task<ImportReport> ImportTasksAsync(ReadOnlyMemory<byte> jsonLines, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var content = new ByteArrayContent(jsonLines.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(JsonLinesMediaType) { CharSet = "utf-8" };
        return SendAsync<ImportReport>(HttpMethod.Post, "tasks/import" + Query(("dryRun", dryRun ? "true" : null)), content, repeatable: true, cancellationToken);
    }

    private static string VersionPath(string id, long version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return TaskPath(id) + "/versions/" + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            throw new FunctionSchedulerException($"The export was cut short: {exception.Message}", exception);
        }
    }

    private static TaskDefinition ParseLine(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<TaskDefinition>(line, SchedulerJson.Options) ?? throw new JsonException("The line is null.");
        }
        catch (JsonException exception)
        {
            throw new FunctionSchedulerException(200, problem: null, $"The export holds a line that is not a task definition: {exception.Message}", exception);
        }
    }
}
