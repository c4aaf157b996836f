namespace FunctionScheduler.Core.Model;

/// <summary>
/// The allowed lifecycle moves, as one table, and how each command changes a task's state. Pure: the caller
/// supplies "now" and stores the result.
/// </summary>
public static class TaskTransitions
{
    // A command missing from the table is refused with 409 Conflict. Pause and resume are idempotent so that a
    // client retrying after a lost response gets the same answer.
    private static readonly Dictionary<(TaskLifecycle From, TaskCommand Command), TaskLifecycle> Table = new()
    {
        [(TaskLifecycle.Active, TaskCommand.Pause)] = TaskLifecycle.Paused,
        [(TaskLifecycle.Paused, TaskCommand.Pause)] = TaskLifecycle.Paused,
        [(TaskLifecycle.Paused, TaskCommand.Resume)] = TaskLifecycle.Active,
        [(TaskLifecycle.Active, TaskCommand.Resume)] = TaskLifecycle.Active,
        [(TaskLifecycle.Active, TaskCommand.Replace)] = TaskLifecycle.Active,
        [(TaskLifecycle.Paused, TaskCommand.Replace)] = TaskLifecycle.Paused,
        [(TaskLifecycle.Completed, TaskCommand.Replace)] = TaskLifecycle.Active,
        [(TaskLifecycle.Active, TaskCommand.RunNow)] = TaskLifecycle.Active,
        [(TaskLifecycle.Paused, TaskCommand.RunNow)] = TaskLifecycle.Paused,
        [(TaskLifecycle.Completed, TaskCommand.RunNow)] = TaskLifecycle.Completed,

        // Only an active task is paused for its failures: a paused one keeps the reason it has, a completed one has
        // nothing left to stop.
        [(TaskLifecycle.Active, TaskCommand.AutoPause)] = TaskLifecycle.Paused,
    };

    /// <summary>The lifecycle after <paramref name="command"/>, or null when the command is not allowed from <paramref name="from"/>.</summary>
    public static TaskLifecycle? Target(TaskLifecycle from, TaskCommand command) =>
        Table.TryGetValue((from, command), out var to) ? to : null;

    /// <summary>
    /// Applies <paramref name="command"/> at <paramref name="now"/>. Returns null when the table refuses it.
    /// Pause drops the planned fire; resume starts counting occurrences after <paramref name="now"/>, so the paused
    /// period is not replayed; replace starts a new generation (schedule, fire count and completion start afresh).
    /// In-flight runs and run-now requests survive every command. A paused task carries why
    /// (<see cref="TaskRunState.PausedReason"/>): resume clears it; auto-pause is the scheduler's, not a user's
    /// change, so it leaves <see cref="TaskRunState.UpdatedAt"/> alone.
    /// </summary>
    public static TaskRunState? Apply(TaskRunState state, TaskCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Target(state.Lifecycle, command) is not { } lifecycle)
        {
            return null;
        }

        return command switch
        {
            TaskCommand.Pause => state with
            {
                Lifecycle = lifecycle,
                NextFireAt = null,
                PausedReason = state.Lifecycle == TaskLifecycle.Paused ? state.PausedReason ?? PausedReason.User : PausedReason.User,
                UpdatedAt = now,
            },
            TaskCommand.AutoPause => state with { Lifecycle = lifecycle, NextFireAt = null, PausedReason = PausedReason.ConsecutiveFailures },
            TaskCommand.Resume when state.Lifecycle == TaskLifecycle.Active => state,
            TaskCommand.Resume => state with
            {
                Lifecycle = lifecycle,
                PausedReason = null,
                Cursor = state.Cursor is { } cursor && cursor > now ? cursor : now,
                UpdatedAt = now,
            },
            TaskCommand.Replace => state with
            {
                Lifecycle = lifecycle,
                Completion = null,
                Generation = state.Generation + 1,
                GenerationStartedAt = now,
                Cursor = null,
                FireCount = 0,
                NextFireAt = null,
                UpdatedAt = now,
            },
            TaskCommand.RunNow => state with { RunRequests = [.. state.RunRequests, now] },
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown command."),
        };
    }
}
