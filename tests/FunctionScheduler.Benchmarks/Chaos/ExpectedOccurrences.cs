using FunctionScheduler.Benchmarks.Load;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Benchmarks.Chaos;

/// <summary>The occurrences a run's tasks define within its window, and which of them no delivery reached.</summary>
internal static class ExpectedOccurrences
{
    /// <summary>Every occurrence of <paramref name="tasks"/> (interval tasks with a start) in [from, to], as (task id, UTC ticks).</summary>
    public static HashSet<(string TaskId, long UtcTicks)> Within(IReadOnlyList<ScheduledTask> tasks, DateTimeOffset from, DateTimeOffset to)
    {
        var expected = new HashSet<(string, long)>();
        foreach (var task in tasks)
        {
            var start = task.Schedule.StartAt ?? throw new InvalidOperationException("Chaos tasks have a start.");
            var interval = task.Schedule.Interval ?? throw new InvalidOperationException("Chaos tasks have an interval.");
            var skip = start < from ? (long)Math.Ceiling((from - start) / interval) : 0;
            for (var at = start + (interval * skip); at <= to; at += interval)
            {
                expected.Add((task.Id, at.UtcTicks));
            }
        }

        return expected;
    }

    /// <summary>The expected occurrences no fire in <paramref name="fires"/> delivered, in order.</summary>
    public static List<(string TaskId, long UtcTicks)> Missing(HashSet<(string TaskId, long UtcTicks)> expected, IReadOnlyList<ReceivedFire> fires)
    {
        var delivered = fires.Select(f => (f.TaskId, f.ScheduledAt.UtcTicks)).ToHashSet();
        return [.. expected.Where(o => !delivered.Contains(o)).Order()];
    }
}
