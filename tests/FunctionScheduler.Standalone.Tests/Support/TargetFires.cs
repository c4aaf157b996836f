using System.Globalization;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Testing.Targets;

namespace FunctionScheduler.Standalone.Tests.Support;

/// <summary>What a loopback target saw of the scheduler's fires: run ids and scheduled instants from the run headers.</summary>
internal sealed record TargetFire(string TaskId, string RunId, DateTimeOffset ScheduledAt, DateTimeOffset ReceivedAt)
{
    public TimeSpan Lateness => ReceivedAt - ScheduledAt;

    public static IReadOnlyList<TargetFire> From(IEnumerable<RecordedRequest> requests) =>
    [
        .. requests.Select(r => new TargetFire(
            r.Header(SchedulerHeaders.TaskId) ?? throw new InvalidOperationException("A fire without a task id header."),
            r.Header(SchedulerHeaders.RunId) ?? throw new InvalidOperationException("A fire without a run id header."),
            DateTimeOffset.Parse(r.Header(SchedulerHeaders.ScheduledAt)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            r.ReceivedAt)),
    ];

    /// <summary>
    /// The distinct scheduled instants of one task's fires, checked to be every second from the first to the last
    /// without a hole; returns the holes (empty when contiguous).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Holes(IEnumerable<TargetFire> fires)
    {
        var instants = fires.Select(f => f.ScheduledAt).Distinct().Order().ToList();
        var holes = new List<DateTimeOffset>();
        for (var i = 1; i < instants.Count; i++)
        {
            for (var t = instants[i - 1].AddSeconds(1); t < instants[i]; t = t.AddSeconds(1))
            {
                holes.Add(t);
            }
        }

        return holes;
    }
}
