using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage;

/// <summary>
/// Run history: one row per occurrence and generation, newest first. Recording the same occurrence of the same
/// generation again overwrites its row.
/// </summary>
public interface IRunLog
{
    /// <summary>Records a run (insert or replace its row).</summary>
    Task RecordAsync(RunRecord run, CancellationToken cancellationToken = default);

    /// <summary>Reads the record of one occurrence claimed in <paramref name="generation"/>; null when none is recorded.</summary>
    Task<RunRecord?> GetAsync(string taskId, Occurrence occurrence, long generation, CancellationToken cancellationToken = default);

    /// <summary>
    /// The scheduled and backfilled runs (not missed-run summaries, not run-now runs) whose nominal instant lies in
    /// [<paramref name="from"/>, <paramref name="through"/>], of any generation, newest first: what a backfill asks
    /// before it fires an occurrence.
    /// </summary>
    Task<IReadOnlyList<RunRecord>> ListFiredBetweenAsync(string taskId, DateTimeOffset from, DateTimeOffset through, CancellationToken cancellationToken = default);

    /// <summary>Lists a task's runs, newest first, one page at a time.</summary>
    Task<RunPage> ListAsync(string taskId, int pageSize, string? continuationToken, CancellationToken cancellationToken = default);

    /// <summary>Deletes every run of a task.</summary>
    Task DeleteAllAsync(string taskId, CancellationToken cancellationToken = default);
}
