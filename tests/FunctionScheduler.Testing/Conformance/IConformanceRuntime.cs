using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Testing.Conformance;

/// <summary>
/// One runtime under test, driven by a scenario: the REST operations, the passage of time, and read-back of the index.
/// The core's reference driver, the standalone host and the Functions orchestrator each implement it.
/// </summary>
public interface IConformanceRuntime : IAsyncDisposable
{
    /// <summary>Sends a REST request (method, path under /api, optional JSON body) and returns the HTTP status.</summary>
    Task<int> SendAsync(string method, string path, string? body);

    /// <summary>
    /// Lets time pass up to <paramref name="until"/> with the runtime running: everything due fires at its time,
    /// in order. On return the clock reads <paramref name="until"/> and the runtime is idle.
    /// </summary>
    Task AdvanceToAsync(DateTimeOffset until);

    /// <summary>
    /// The runtime is down until <paramref name="until"/>: the clock jumps and nothing fires meanwhile; then it
    /// starts again and catches up as its misfire policies say.
    /// </summary>
    Task DownUntilAsync(DateTimeOffset until);

    /// <summary>
    /// The runtime stops delivering until <paramref name="until"/> (a lost timer, a stuck orchestration, a hung
    /// dispatcher) while its own overdue check keeps running where the runtime runs it; then, when
    /// <paramref name="recover"/> is set, delivery resumes and the runtime catches up as after
    /// <see cref="DownUntilAsync"/>. On return the clock reads <paramref name="until"/>. A stall left unrecovered is
    /// followed by read-only steps and another stall, never by a REST step.
    /// </summary>
    Task StallUntilAsync(DateTimeOffset until, bool recover);

    /// <summary>The task as stored in the index, or null.</summary>
    Task<StoredTask?> GetTaskAsync(string id);

    /// <summary>The task's run records, newest first.</summary>
    Task<IReadOnlyList<RunRecord>> GetRunsAsync(string id);
}
