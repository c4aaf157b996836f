using System.Globalization;

namespace FunctionScheduler.Core.Model;

/// <summary>
/// Derives run ids and run-record keys from an occurrence and the generation it was claimed in, so that every
/// runtime, every replay, every retry and every takeover of the same occurrence agrees on them without storing
/// anything, while the same instant in two generations of a task (a replace during an in-flight run) gets two.
/// </summary>
public static class RunId
{
    /// <summary>The run id sent to targets (header X-Scheduler-Run-Id) and shown in run history: task id, ':', key.</summary>
    public static string For(string taskId, Occurrence occurrence, long generation) => taskId + ":" + KeyOf(occurrence, generation);

    /// <summary>
    /// The run's key within its task: inverted UTC ticks so that Table Storage, which sorts keys ascending, lists
    /// the newest run first; 's' or 'm' keeps a manual run apart from a scheduled one at the same tick; then '-g'
    /// and the generation, e.g. <c>2518…000s-g2</c>.
    /// </summary>
    public static string KeyOf(Occurrence occurrence, long generation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generation, 1);
        var inverted = DateTimeOffset.MaxValue.UtcTicks - occurrence.ScheduledAt.UtcTicks;
        var suffix = occurrence.Kind == OccurrenceKind.Manual ? 'm' : 's';
        return inverted.ToString("D19", CultureInfo.InvariantCulture) + suffix + "-g" + generation.ToString(CultureInfo.InvariantCulture);
    }
}
