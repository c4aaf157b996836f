using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;

namespace FunctionScheduler.Benchmarks.Chaos;

/// <summary>
/// Says, from the index at the end of a run, why an expected occurrence was never delivered: still claimed (late,
/// not lost), not planned yet (the task's backlog), skipped by the misfire policy (more than the grace late: the
/// policy's choice, recorded as missed), recorded although no delivery was seen, or lost (the schedule passed it
/// with no claim, run or missed record: a defect).
/// </summary>
internal sealed class LossAudit(ITaskStore store, IRunLog runs)
{
    public async Task<IReadOnlyDictionary<string, int>> ExplainAsync(IReadOnlyList<(string TaskId, long UtcTicks)> missing, CancellationToken cancellationToken)
    {
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in missing.GroupBy(m => m.TaskId))
        {
            var task = await store.GetAsync(group.Key, cancellationToken);
            var history = (await runs.ListAsync(group.Key, 1000, null, cancellationToken)).Items;
            foreach (var (_, ticks) in group)
            {
                var reason = Explain(task, history, new DateTimeOffset(ticks, TimeSpan.Zero));
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }
        }

        return reasons;
    }

    private static string Explain(StoredTask? task, IReadOnlyList<RunRecord> history, DateTimeOffset scheduledAt)
    {
        if (task is null)
        {
            return "task gone";
        }

        if (task.State.InFlight.Any(c => c.Occurrence.ScheduledAt == scheduledAt))
        {
            return "still claimed at the end (late, not lost)";
        }

        if (history.Any(r => r.Status == RunStatus.Missed && r.MissedFrom <= scheduledAt && scheduledAt <= r.Occurrence.ScheduledAt))
        {
            return "skipped by the misfire policy (recorded as missed)";
        }

        if (history.Any(r => r.Occurrence.ScheduledAt == scheduledAt))
        {
            return "recorded, delivery not seen";
        }

        return task.State.Cursor is not { } cursor || cursor < scheduledAt ? "not planned yet at the end (late, not lost)" : "lost";
    }
}
