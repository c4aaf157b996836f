using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;

namespace FunctionScheduler.Testing.Conformance;

/// <summary>A task's whole run history from the run log, for the runtimes' read-back of expectRuns.</summary>
public static class RunHistory
{
    /// <summary>Every run record of <paramref name="taskId"/>, newest first, read page by page.</summary>
    public static async Task<IReadOnlyList<RunRecord>> AllAsync(IRunLog runs, string taskId)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var all = new List<RunRecord>();
        string? token = null;
        do
        {
            var page = await runs.ListAsync(taskId, 100, token).ConfigureAwait(false);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }
}
