using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Standalone.Dispatching;

/// <summary>
/// The in-memory schedule: every known task by id and a priority queue of wake times. Changing a wake time leaves
/// the old queue entry behind; it is recognised by its stamp and dropped when it reaches the front.
/// Not thread-safe: the dispatcher loop owns it.
/// </summary>
internal sealed class WakeSchedule
{
    private readonly Dictionary<string, TaskSlot> _slots = new(StringComparer.Ordinal);
    private readonly PriorityQueue<(TaskSlot Slot, long Stamp), DateTimeOffset> _queue = new();

    public int Count => _slots.Count;

    /// <summary>Queue entries, current and stale (for diagnostics and tests).</summary>
    public int QueueLength => _queue.Count;

    public IEnumerable<TaskSlot> Slots => _slots.Values;

    public bool TryGet(string id, out TaskSlot slot) => _slots.TryGetValue(id, out slot!);

    public TaskSlot Add(StoredTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var slot = new TaskSlot(task);
        _slots.Add(task.Id, slot);
        return slot;
    }

    public void Remove(TaskSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        _slots.Remove(slot.Id);
        slot.WakeAt = null;
        slot.Stamp++;
    }

    public void SetWake(TaskSlot slot, DateTimeOffset? wakeAt)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (slot.WakeAt == wakeAt)
        {
            return;
        }

        slot.WakeAt = wakeAt;
        slot.Stamp++;
        if (wakeAt is { } at)
        {
            _queue.Enqueue((slot, slot.Stamp), at);
            CompactIfMostlyStale();
        }
    }

    /// <summary>The earliest wake time of a task that is not firing, or null.</summary>
    public DateTimeOffset? Earliest()
    {
        while (_queue.TryPeek(out var entry, out var at))
        {
            if (IsCurrent(entry))
            {
                return at;
            }

            _queue.Dequeue();
        }

        return null;
    }

    /// <summary>Takes the earliest task due at <paramref name="now"/>, clearing its wake time.</summary>
    public bool TryTakeDue(DateTimeOffset now, out TaskSlot slot)
    {
        while (Earliest() is { } at && at <= now)
        {
            var (due, _) = _queue.Dequeue();
            due.WakeAt = null;
            due.Stamp++;
            slot = due;
            return true;
        }

        slot = null!;
        return false;
    }

    private static bool IsCurrent((TaskSlot Slot, long Stamp) entry) =>
        entry.Stamp == entry.Slot.Stamp && entry.Slot.WakeAt is not null && !entry.Slot.Running;

    // Stale entries pile up when wake times keep changing without coming due (a resync re-planning many tasks).
    private void CompactIfMostlyStale()
    {
        if (_queue.Count <= (2 * _slots.Count) + 1024)
        {
            return;
        }

        var current = _queue.UnorderedItems.Where(item => IsCurrent(item.Element)).ToList();
        _queue.Clear();
        _queue.EnqueueRange(current);
    }
}
