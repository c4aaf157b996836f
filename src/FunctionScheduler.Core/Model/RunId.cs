using System.Globalization;

namespace FunctionScheduler.Core.Model;

/// <summary>
/// Derives run ids and run-record keys from an occurrence, so that every runtime, every replay and every retry of
/// the same occurrence agrees on them without storing anything.
/// </summary>
public static class RunId
{
    /// <summary>The run id sent to targets (header X-Scheduler-Run-Id) and shown in run history.</summary>
    public static string For(string taskId, Occurrence occurrence) => taskId + ":" + KeyOf(occurrence);

    /// <summary>
    /// The run's key within its task: inverted UTC ticks so that Table Storage, which sorts keys ascending,
    /// lists the newest run first; 's' or 'm' keeps a manual run apart from a scheduled one at the same tick.
    /// </summary>
    public static string KeyOf(Occurrence occurrence)
    {
        var inverted = DateTimeOffset.MaxValue.UtcTicks - occurrence.ScheduledAt.UtcTicks;
        var suffix = occurrence.Kind == OccurrenceKind.Manual ? 'm' : 's';
        return inverted.ToString("D19", CultureInfo.InvariantCulture) + suffix;
    }
}
