namespace FunctionScheduler.Functions.Orchestration;

/// <summary>
/// The orchestration's input and the state each pass hands to the next through continue-as-new. Deliberately
/// small: the index holds the task, the orchestration only which task it drives and who it claims as.
/// </summary>
/// <remarks>
/// Versioned and tolerant, because instances outlive deployments: a new field gets a default that reads well
/// when an older instance's state lacks it, and <see cref="SchemaVersion"/> says which shape wrote the state.
/// See docs/functions.md, "Deploying a new orchestrator version".
/// </remarks>
/// <param name="Group">The task's group (fixed for the task's life), so every read is a point read.</param>
/// <param name="TaskId">The task this instance drives.</param>
public sealed record TaskOrchestrationInput(string Group, string TaskId)
{
    /// <summary>The shape this code writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The shape that wrote this state; 0 never occurs (the first shape is 1).</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>
    /// Who this instance claims occurrences as: the instance id plus a token drawn once per instance start, then
    /// carried forward. A second instance for the same task (a duplicate start) has a different token, so it cannot
    /// take this instance's unexpired claims for its own. Null until the first pass draws it.
    /// </summary>
    public string? Claimant { get; init; }

    /// <summary>
    /// The instant the previous pass's timer was set for, when that timer (not a change) woke this pass; the claim
    /// does not plan before it (see <see cref="Activities.ClaimDueInput.NotBefore"/>). Null in an older state.
    /// </summary>
    public DateTimeOffset? WokeFor { get; init; }
}
