using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Tests.Conformance;

/// <summary>
/// The reference driver's whole dispatcher state: when each task wants to be looked at next. The API's change
/// notices mark a task due at once, as a runtime's wake-up would.
/// </summary>
internal sealed class WakeRegistry(TimeProvider clock) : ITaskChangeNotifier
{
    private readonly SortedDictionary<string, (string Group, DateTimeOffset? WakeAt)> _tasks = new(StringComparer.Ordinal);

    public Task NotifyAsync(StoredTask task, TaskChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (change == TaskChange.Deleted)
        {
            Remove(task.Id);
        }
        else
        {
            Set(task.Group, task.Id, clock.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    public DateTimeOffset? Earliest() => _tasks.Values.Select(t => t.WakeAt).Where(w => w is not null).Min();

    public IReadOnlyList<(string Group, string Id)> DueAt(DateTimeOffset now) =>
        [.. _tasks.Where(t => t.Value.WakeAt <= now).Select(t => (t.Value.Group, t.Key))];

    public void Set(string group, string id, DateTimeOffset? wakeAt) => _tasks[id] = (group, wakeAt);

    public void Remove(string id) => _tasks.Remove(id);

    public void MarkAllDue(DateTimeOffset now)
    {
        foreach (var id in _tasks.Keys.ToList())
        {
            _tasks[id] = (_tasks[id].Group, now);
        }
    }
}
