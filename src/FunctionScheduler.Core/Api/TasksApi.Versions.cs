using System.Globalization;
using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Api;

// Definition versions: every accepted PUT keeps the definition it replaces (ITaskStore.ReplaceAsync), numbered by
// the generation it ran as; these routes read them and make one current again.
public sealed partial class TasksApi
{
    /// <summary>GET /api/tasks/{id}/versions: the current definition and the kept ones, newest first (no definitions); 404 for no such task.</summary>
    public async Task<ApiResponse> ListVersionsAsync(string id, CancellationToken cancellationToken = default)
    {
        var task = TaskId.IsValid(id) ? await store.GetAsync(id, cancellationToken) : null;
        if (task is null)
        {
            return Problems.TaskNotFound(id);
        }

        IReadOnlyList<DefinitionVersion> versions = [DefinitionVersion.Current(task), .. await history.ListAsync(task, cancellationToken)];
        var items = versions.Select((version, i) => VersionRepresentation(
            version, current: i == 0, i + 1 < versions.Count ? versions[i + 1] : null, withDefinition: false));
        return new ApiResponse(200, new PageRepresentation<TaskVersionRepresentation>([.. items], null));
    }

    /// <summary>GET /api/tasks/{id}/versions/{n}: one version with its definition (secret values null); 404 when it is not kept.</summary>
    public async Task<ApiResponse> GetVersionAsync(string id, string number, CancellationToken cancellationToken = default)
    {
        var (task, version, problem) = await FindVersionAsync(id, number, withPredecessor: true, cancellationToken);
        return problem ?? new ApiResponse(200, VersionRepresentation(
            version!.Value.Version, version.Value.Version.Number == task!.State.Generation, version.Value.Predecessor, withDefinition: true));
    }

    /// <summary>
    /// POST /api/tasks/{id}/versions/{n}/restore: makes version n's definition current again, as a replace (a new
    /// version and generation); 200 with the task. Its secret values come back with it, for the origin they were
    /// given for. 404 when the version is not kept; 400 when it no longer passes today's rules.
    /// </summary>
    public async Task<ApiResponse> RestoreVersionAsync(string id, string number, CancellationToken cancellationToken = default)
    {
        var (_, version, problem) = await FindVersionAsync(id, number, withPredecessor: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var restored = version!.Value.Version.Definition;
        var body = SchedulerJson.SerializeToUtf8Bytes(TaskDefinition.From(restored));
        return await PutAsync(id, body, _ => restored, createIfMissing: false, cancellationToken);
    }

    private async Task<(StoredTask? Task, (DefinitionVersion Version, DefinitionVersion? Predecessor)? Found, ApiResponse? Problem)> FindVersionAsync(
        string id, string number, bool withPredecessor, CancellationToken cancellationToken)
    {
        var task = TaskId.IsValid(id) ? await store.GetAsync(id, cancellationToken) : null;
        if (task is null)
        {
            return (null, null, Problems.TaskNotFound(id));
        }

        var current = task.State.Generation;
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > current)
        {
            return (task, null, NoVersion(id, number, current));
        }

        List<long> wanted = n == current ? [] : [n];
        if (withPredecessor && n > 1)
        {
            wanted.Add(n - 1);
        }

        var kept = wanted.Count == 0 ? [] : await history.GetAsync(task, wanted, cancellationToken);
        var version = n == current ? DefinitionVersion.Current(task) : kept.FirstOrDefault(v => v.Number == n);
        return version is null
            ? (task, null, NoVersion(id, number, current))
            : (task, (version, kept.FirstOrDefault(v => v.Number == n - 1)), null);
    }

    private static TaskVersionRepresentation VersionRepresentation(
        DefinitionVersion version, bool current, DefinitionVersion? before, bool withDefinition) => new()
    {
        Version = version.Number,
        Current = current,
        SavedAt = version.SavedAt,

        // The first version changed nothing; a version whose predecessor is no longer kept cannot say.
        Changes = version.Number == 1 ? []
            : before is { } previous && previous.Number == version.Number - 1 ? DefinitionDiff.Changes(previous.Definition, version.Definition)
            : null,
        Definition = withDefinition ? TaskDefinition.From(version.Definition) : null,
    };

    private static ApiResponse NoVersion(string id, string number, long current) => Problems.NotFound(
        "No such version.",
        $"Task '{id}' has no kept version '{number}'. Its current version is {current.ToString(CultureInfo.InvariantCulture)}; GET {BasePath}/{id}/versions lists the kept ones.");
}
