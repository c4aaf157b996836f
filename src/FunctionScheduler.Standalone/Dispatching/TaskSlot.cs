using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Standalone.Dispatching;

/// <summary>
/// The dispatcher's memory of one task: the task as last written or read (so a fire needs no read), when to plan
/// it next, and whether it is firing now. Touched by the dispatcher loop only.
/// </summary>
internal sealed class TaskSlot(StoredTask task)
{
    public StoredTask Task { get; set; } = task;

    public string Id => Task.Id;

    /// <summary>When the task is due for planning; null when only a change can make it due. Set through <see cref="WakeSchedule"/>.</summary>
    public DateTimeOffset? WakeAt { get; set; }

    /// <summary>Bumped with every wake change, so the queue can tell its stale entries from the current one.</summary>
    public long Stamp { get; set; }

    /// <summary>A fire of this task is in progress (never two at once in this instance).</summary>
    public bool Running { get; set; }

    /// <summary>
    /// The snapshot may be behind the index in a way planning cannot notice (a change arrived while the task was
    /// firing, or a fire failed): read the task again before planning it.
    /// </summary>
    public bool NeedsRead { get; set; }

    /// <summary>A change or a deletion arrived while firing; acted on when the fire completes.</summary>
    public TaskChangeWhileRunning Pending { get; set; }

    /// <summary>Value of the dispatcher's change sequence when this instance itself last wrote or was told of a write.</summary>
    public long FreshAt { get; set; }

    /// <summary>Counted in the active-tasks metric (its lifecycle was active when last seen).</summary>
    public bool CountedActive { get; set; }

    /// <summary>The index listing in which the task was last seen.</summary>
    public int SeenInResync { get; set; }
}

/// <summary>What arrived for a task while it was firing.</summary>
internal enum TaskChangeWhileRunning
{
    None,
    Changed,
    Deleted,
}
