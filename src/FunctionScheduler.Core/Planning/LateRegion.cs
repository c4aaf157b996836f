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
        // Count forward up to the cap; most regions are short and end here, exact.
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

        // Too many to count: find the latest ones by walking back from the end, then forward again so that the
        // instants are exactly those the forward search produces (the backward search differs in DST gaps).
        var prefixLast = prefix[^1];
        var (segmentStart, segment) = TailSegment(timeline, end, tailSize);
        var beyondPrefix = segment.Count(instant => instant > prefixLast);
        var covered = segmentStart <= prefixLast + 1;
        return new LateRegion(first, prefix.Count + beyondPrefix, covered, TailOf(segment, tailSize));
    }

    // Walks back at least tailSize occurrences from end, then forward to end. Starts again with a longer walk in the
    // rare case that DST made the backward walk produce instants the forward search skips.
    private static (long Start, List<long> Instants) TailSegment(in Timeline timeline, long end, int tailSize)
    {
        const int MaxAttempts = 6;
        var calendar = timeline.Cron!;
        var steps = tailSize + 2;
        (long Start, List<long> Instants) segment = (end, []);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var start = end;
            var reachedLower = false;
            for (var i = 0; i < steps; i++)
            {
                if (calendar.Before(start) is not { } previous || previous < timeline.From)
                {
                    start = timeline.From;
                    reachedLower = true;
                    break;
                }

                start = previous;
            }

            var instants = new List<long>();
            for (var next = timeline.AtOrAfter(start); next is { } instant && instant < end; next = timeline.After(instant))
            {
                instants.Add(instant);
            }

            segment = (start, instants);
            if (instants.Count >= tailSize || reachedLower)
            {
                break;
            }

            steps *= 2;
        }

        return segment;
    }

    private static List<long> TailOf(List<long> instants, int tailSize) =>
        instants.Count <= tailSize ? instants : instants.GetRange(instants.Count - tailSize, tailSize);
}
