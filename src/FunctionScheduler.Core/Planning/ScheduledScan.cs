using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// Decides which scheduled occurrences fire now, which the misfire policy skips and which come next. Occurrences
/// are handled strictly in nominal order: the scan stops at the first one not due yet, so the cursor never passes
/// an occurrence that has not been fired or skipped.
/// </summary>
internal static class ScheduledScan
{
    public static ScanResult Run(ScheduledTask task, TaskRunState state, DateTimeOffset now)
    {
        var schedule = task.Schedule;
        var budget = schedule.MaxRuns is { } maxRuns ? (long)maxRuns - state.FireCount : long.MaxValue;
        if (budget <= 0)
        {
            return ScanResult.Nothing with { Completion = CompletionReason.MaxRunsReached };
        }

        var timeline = Timeline.Of(schedule, state);
        if (timeline.AtOrAfter(long.MinValue) is not { } first)
        {
            return ScanResult.Nothing with { Completion = timeline.WhyNoneAtOrAfter(long.MinValue) };
        }

        var idHash = OccurrenceJitter.HashOf(task.Id);
        var maxJitter = Math.Max(0, schedule.Jitter.Ticks);
        var nowTicks = now.UtcTicks;
        var lateLine = Saturating.Subtract(nowTicks, schedule.MisfireGrace.Ticks);   // fire instant before it: late
        var certainlyLate = Saturating.Subtract(lateLine, maxJitter);                // nominal before it: late anyway
        var keepLate = schedule.Misfire switch
        {
            MisfirePolicy.Skip => 0,
            MisfirePolicy.FireOnce => 1,
            MisfirePolicy.CatchUp => Math.Clamp(schedule.CatchUpLimit, 0, PlanningLimits.MaxScheduledDue),
            _ => throw new InvalidOperationException($"Unknown misfire policy {schedule.Misfire}."),
        };
        var fireLimit = Math.Min(PlanningLimits.MaxScheduledDue, budget);

        // Far in the past: summarised, never enumerated (a month of a per-second task is 2.6 million occurrences).
        LateRegion? region = null;
        long? cursor = first;
        var searchedFrom = first;
        if (first < certainlyLate)
        {
            region = LateRegion.Summarize(timeline, first, certainlyLate, keepLate + 1, PlanningLimits.MissedCountCap);
            cursor = timeline.AtOrAfter(certainlyLate);
            searchedFrom = certainlyLate;
        }

        // Near now: each occurrence's own jitter decides whether it is late, on time or not due yet.
        var regionLate = region?.Count ?? 0;
        var window = new List<(long At, long FireAt, bool Late)>();
        long windowLate = 0;
        var onTime = 0;
        long? next = null;
        while (cursor is { } at)
        {
            var firing = onTime + Math.Min(keepLate, regionLate + windowLate);
            if (firing >= fireLimit || window.Count >= PlanningLimits.MaxExaminedNearNow)
            {
                next = at;
                break;
            }

            var fireAt = OccurrenceJitter.FireAt(idHash, at, maxJitter);
            if (fireAt > nowTicks)
            {
                next = at;
                break;
            }

            var late = fireAt < lateLine;
            window.Add((at, fireAt, late));
            if (late)
            {
                windowLate++;
            }
            else
            {
                onTime++;
            }

            searchedFrom = at + 1;
            cursor = timeline.After(at);
        }

        // Asked only when nothing is left, so it costs one more look-up at the end of a schedule.
        CompletionReason? endReason = next is null ? timeline.WhyNoneAtOrAfter(searchedFrom) : null;
        return Decide(region, window, keepLate, budget, next, endReason, idHash, maxJitter);
    }

    // Applies the policy: of all late occurrences, the latest keepLate fire and the rest are skipped; on-time ones
    // fire; then MaxRuns takes fires oldest first.
    private static ScanResult Decide(
        LateRegion? region,
        List<(long At, long FireAt, bool Late)> window,
        int keepLate,
        long budget,
        long? next,
        CompletionReason? endReason,
        ulong idHash,
        long maxJitter)
    {
        var lateInstants = new List<long>(region?.Tail ?? []);
        lateInstants.AddRange(window.Where(entry => entry.Late).Select(entry => entry.At));
        var totalLate = (region?.Count ?? 0) + lateInstants.Count - (region?.Tail.Count ?? 0);
        var firedLate = Math.Min(keepLate, totalLate);
        var firstFiredLate = lateInstants.Count - (int)firedLate;   // index into lateInstants
        var skipped = totalLate - firedLate;

        var fired = new List<Occurrence>();
        var lateIndex = 0;
        foreach (var at in region?.Tail ?? [])
        {
            if (lateIndex++ >= firstFiredLate)
            {
                fired.Add(Scheduled(at, OccurrenceJitter.FireAt(idHash, at, maxJitter)));
            }
        }

        foreach (var (at, fireAt, late) in window)
        {
            if (!late || lateIndex++ >= firstFiredLate)
            {
                fired.Add(Scheduled(at, fireAt));
            }
        }

        var maxRunsReached = fired.Count >= budget;
        if (fired.Count > budget)
        {
            fired.RemoveRange((int)budget, fired.Count - (int)budget);
        }

        MissedRange? missed = null;
        long? handled = fired.Count > 0 ? fired[^1].ScheduledAt.UtcTicks : null;
        if (skipped > 0)
        {
            var lastSkipped = lateInstants[firstFiredLate - 1];
            handled = Math.Max(handled ?? long.MinValue, lastSkipped);
            missed = new MissedRange(
                ToInstant(region?.First ?? lateInstants[0]),
                ToInstant(lastSkipped),
                (int)Math.Min(skipped, int.MaxValue),
                region?.IsExact ?? true);
        }

        Occurrence? nextOccurrence = null;
        CompletionReason? completion = null;
        if (maxRunsReached)
        {
            completion = CompletionReason.MaxRunsReached;
        }
        else if (next is { } at)
        {
            nextOccurrence = Scheduled(at, OccurrenceJitter.FireAt(idHash, at, maxJitter));
        }
        else
        {
            completion = endReason;
        }

        return new ScanResult(fired, missed, handled is { } h ? ToInstant(h) : null, nextOccurrence, completion);
    }

    private static Occurrence Scheduled(long at, long fireAt) => Occurrence.Scheduled(ToInstant(at), ToInstant(fireAt));

    private static DateTimeOffset ToInstant(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
