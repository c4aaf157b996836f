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
    /// the newest run first; 's', 'm' or 'b' keeps a scheduled, a manual and a backfilled run at the same tick
    /// apart; then '-g' and the generation, e.g. <c>2518…000s-g2</c>.
    /// </summary>
    public static string KeyOf(Occurrence occurrence, long generation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generation, 1);
        var suffix = occurrence.Kind switch
        {
            OccurrenceKind.Manual => 'm',
            OccurrenceKind.Backfill => 'b',
            _ => 's',
        };
        return InvertedTicks(occurrence.ScheduledAt) + suffix + "-g" + generation.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The 19 digits a key starts with: the ticks of <paramref name="scheduledAt"/> counted back from the largest instant.</summary>
    public static string InvertedTicks(DateTimeOffset scheduledAt) =>
        (DateTimeOffset.MaxValue.UtcTicks - scheduledAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
