namespace FunctionScheduler.Core.Planning;

/// <summary>
/// The occurrences that are late whatever their jitter (nominal instant before now − grace − max jitter), summarised
/// without enumerating them all: how many, the first, and only the latest few that the misfire policy may still fire.
/// This is what keeps a plan bounded after a month of downtime of a per-second task.
/// </summary>
/// <param name="First">The earliest instant in the region.</param>
/// <param name="Count">How many instants; a lower bound when <paramref name="IsExact"/> is false.</param>
/// <param name="IsExact">False when counting stopped at the cap.</param>
/// <param name="Tail">The latest instants, ascending; all of them when there are no more than the tail size.</param>
internal sealed record LateRegion(long First, long Count, bool IsExact, IReadOnlyList<long> Tail)
{
    /// <summary>Summarises the instants of <paramref name="timeline"/> in [<paramref name="first"/>, <paramref name="endExclusive"/>).</summary>
    public static LateRegion Summarize(in Timeline timeline, long first, long endExclusive, int tailSize, int countCap)
    {
        var end = timeline.Limit(endExclusive);
        return timeline.IsCron
            ? SummarizeCron(timeline, first, end, tailSize, countCap)
            : SummarizeArithmetic(timeline, first, end, tailSize);
    }

    // Interval and once: exact counts by arithmetic (a one-off is a grid of one point).
    private static LateRegion SummarizeArithmetic(in Timeline timeline, long first, long end, int tailSize)
    {
        long count;
        var tail = new List<long>();
        if (timeline.AtOrAfter(first + 1) is { } second && second < end)
        {
            count = timeline.IntervalCount(first, end);
            for (var k = Math.Max(0, count - tailSize); k < count; k++)
            {
                tail.Add(timeline.IntervalStep(first, k));
            }
        }
        else
        {
            count = 1;
            tail.Add(first);
        }

        return new LateRegion(first, count, IsExact: true, tail);
    }

    private static LateRegion SummarizeCron(in Timeline timeline, long first, long end, int tailSize, int countCap)
    {
        // Count forward up to the cap; most regions are short and end here, exact. Each step moves strictly forward
        // (CronCalendar checks it), so the walk ends at the cap or at the end.
        var prefix = new List<long>();
        long? cursor = first;
        while (cursor is { } instant && instant < end && prefix.Count < countCap)
        {
            prefix.Add(instant);
            cursor = timeline.After(instant);
        }

        if (cursor is not { } stop || stop >= end)
        {
            return new LateRegion(first, prefix.Count, IsExact: true, TailOf(prefix, tailSize));
        }

        // Too many to count: walk back from the end to find the latest ones, at most tailSize steps. The backward
        // search answers exactly the instants the forward one does (DST rules included), so nothing is walked twice.
        var calendar = timeline.Cron!;
        var prefixLast = prefix[^1];
        var latest = new List<long>(tailSize);
        for (var at = end; latest.Count < tailSize && calendar.Before(at) is { } previous && previous > prefixLast; at = previous)
        {
            latest.Add(previous);
        }

        // Every instant was seen, and the count is exact, when the walk reached the prefix.
        var covered = latest.Count < tailSize || calendar.Before(latest[^1]) is not { } beyond || beyond <= prefixLast;
        latest.Reverse();
        var tail = covered ? TailOf([.. prefix, .. latest], tailSize) : latest;
        return new LateRegion(first, prefix.Count + latest.Count, covered, tail);
    }

    private static List<long> TailOf(List<long> instants, int tailSize) =>
        instants.Count <= tailSize ? instants : instants.GetRange(instants.Count - tailSize, tailSize);
}
