using System.Globalization;
using System.Runtime.InteropServices;
using FunctionScheduler.Benchmarks.Load;

namespace FunctionScheduler.Benchmarks.Chaos;

/// <summary>
/// Reads a run's deliveries against the occurrences the tasks define: lost, duplicated (by run id and by
/// occurrence), delivered under two run ids, late; plus takeover times per kill, what graceful stops left behind
/// and how the API and the fires behaved while storage was paused. Renders it as Markdown.
/// </summary>
internal static class ChaosReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The report, and whether nothing was lost and no occurrence was delivered under two run ids.</summary>
    public static (string Markdown, bool Passed) Build(ChaosObservations run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var expected = ExpectedOccurrences.Within(run.Tasks, run.WindowFrom, run.WindowTo);
        var byOccurrence = run.Fires.GroupBy(f => (f.TaskId, f.ScheduledAt.UtcTicks)).ToDictionary(g => g.Key, g => g.OrderBy(f => f.ReceivedAt).ToList());
        var missing = ExpectedOccurrences.Missing(expected, run.Fires);
        var twoRunIds = byOccurrence.Where(g => g.Value.Select(f => f.RunId).Distinct().Count() > 1).ToList();
        var repeatedRunIds = run.Fires.GroupBy(f => f.RunId).Sum(g => g.Count() - 1);
        var deliveredTwice = byOccurrence.Count(g => g.Value.Count > 1);
        var lateness = expected.Where(byOccurrence.ContainsKey)
            .Select(o => (byOccurrence[o][0].ReceivedAt - new DateTimeOffset(o.UtcTicks, TimeSpan.Zero)).TotalSeconds)
            .ToList();
        var undisturbed = Undisturbed(run, byOccurrence);
        var takeovers = run.Kills.SelectMany(k => k.FreedAfter).OfType<TimeSpan>().Select(t => t.TotalSeconds).ToList();
        var notTakenOver = run.Kills.Sum(k => k.FreedAfter.Count(f => f is null));
        var passed = missing.Count == 0 && twoRunIds.Count == 0;

        var lines = new List<string>
        {
            $"### Chaos run: {run.Options.Label}",
            "",
            $"Host: `{run.HostDll}`. Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average (1, 5, 15 min) {run.LoadBefore} at the start, {run.LoadAfter} at the end.",
            string.Create(C, $"Setup: {run.Options.Hosts} hosts, {run.Options.Tasks} every-second tasks (interval PT1S, first fires spread over one second), receiver on 127.0.0.1 holding each call {run.Options.TargetDelay.TotalMilliseconds:F0} ms; {run.Options.Kills} kills (SIGKILL) over {run.Options.KillPhase.TotalSeconds:F0} s, each host started again {run.Options.RestartAfter.TotalSeconds:F0} s after its kill; {(run.Rolling is null ? "no rolling restart" : "then a rolling restart (SIGTERM, start again)")}; {(run.Pause is null ? "no storage pause" : $"then Azurite paused (SIGSTOP) for {run.Options.Pause.TotalSeconds:F0} s")}; occurrences scheduled over {(run.WindowTo - run.WindowFrom).TotalSeconds:F0} s checked."),
            "",
            "| measure | value |",
            "|---|---|",
            $"| deliveries | {run.Fires.Count} |",
            $"| occurrences expected / delivered (distinct) | {expected.Count} / {expected.Count(byOccurrence.ContainsKey)} |",
            $"| **missing occurrences** | **{missing.Count}** |",
            $"| **occurrences delivered under two or more run ids** | **{twoRunIds.Count}** |",
            $"| duplicate deliveries by run id (the same run id again) | {repeatedRunIds} |",
            $"| occurrences delivered more than once | {deliveredTwice} |",
            string.Create(C, $"| lateness of each occurrence's first delivery p50 / p99 / max | {Seconds(Percentiles.Of(lateness, 50))} / {Seconds(Percentiles.Of(lateness, 99))} / {Seconds(lateness.Count == 0 ? double.NaN : lateness.Max())} |"),
            $"| occurrences first delivered 60 s late or more | {lateness.Count(l => l >= 60)} |",
            string.Create(C, $"| the same lateness away from kills, restarts and the pause (the run's own baseline) p50 / p99 / max | {Seconds(Percentiles.Of(undisturbed, 50))} / {Seconds(Percentiles.Of(undisturbed, 99))} / {Seconds(undisturbed.Count == 0 ? double.NaN : undisturbed.Max())} |"),
            string.Create(C, $"| takeover after a kill, per stranded claim: p50 / p99 / max ({takeovers.Count} claims) | {Seconds(Percentiles.Of(takeovers, 50))} / {Seconds(Percentiles.Of(takeovers, 99))} / {Seconds(takeovers.Count == 0 ? double.NaN : takeovers.Max())} |"),
            $"| stranded claims not taken over by the end | {notTakenOver} |",
        };

        lines.AddRange(Kills(run));
        lines.AddRange(Stops(run, byOccurrence));
        lines.AddRange(Pause(run, byOccurrence));
        if (missing.Count > 0)
        {
            lines.Add("");
            lines.Add("Missing, by what the index said at the end: " + string.Join("; ", run.MissingReasons.OrderByDescending(r => r.Value).Select(r => $"{r.Value} {r.Key}")) + ".");
            lines.Add("");
            lines.Add("Missing (first 20): " + string.Join(", ", missing.Take(20).Select(o => $"{o.TaskId}@{new DateTimeOffset(o.UtcTicks, TimeSpan.Zero):HH:mm:ss.fff}")));
        }

        if (twoRunIds.Count > 0)
        {
            lines.Add("");
            lines.Add("Two run ids (first 10): " + string.Join("; ", twoRunIds.Take(10).Select(g => $"{g.Key.TaskId}: {string.Join(", ", g.Value.Select(f => f.RunId).Distinct())}")));
        }

        lines.Add("");
        lines.Add(passed ? "RESULT: nothing lost, no occurrence under two run ids." : "RESULT: FAILED (occurrences lost or delivered under two run ids).");
        return (string.Join(Environment.NewLine, lines), passed);
    }

    private static IEnumerable<string> Kills(ChaosObservations run)
    {
        if (run.Kills.Count == 0)
        {
            yield break;
        }

        yield return "";
        yield return "| kill | at (s into the window) | host | claims stranded | all taken over after (s) | each (s) |";
        yield return "|---|---|---|---|---|---|";
        foreach (var kill in run.Kills)
        {
            var freed = kill.FreedAfter;
            var all = freed.Count == 0 ? "–" : freed.Any(f => f is null) ? "not by the end" : Seconds(freed.Max(f => f!.Value.TotalSeconds));
            yield return string.Create(C,
                $"| {kill.Number} | {(kill.At - run.WindowFrom).TotalSeconds:F1} | {kill.Slot} | {kill.Stranded?.Count.ToString(C) ?? "index unreadable"} | {all} | {string.Join(" ", freed.Select(f => f is null ? "–" : f.Value.TotalSeconds.ToString("F1", C)))} |");
        }
    }

    private static IEnumerable<string> Stops(ChaosObservations run, Dictionary<(string TaskId, long UtcTicks), List<ReceivedFire>> byOccurrence)
    {
        if (run.Rolling is not { } rolling)
        {
            yield break;
        }

        var late = LatenessOfScheduledIn(run, byOccurrence, rolling.From, rolling.To);
        yield return "";
        yield return string.Create(C, $"Rolling restart over {(rolling.To - rolling.From).TotalSeconds:F1} s: occurrences scheduled meanwhile, first delivery p50 {Seconds(Percentiles.Of(late, 50))}, p99 {Seconds(Percentiles.Of(late, 99))}, max {Seconds(late.Count == 0 ? double.NaN : late.Max())} late.");
        yield return "";
        yield return "| stopped host | stop took (s) | claims in its name at exit (handed back, or cut off by the grace) | taken over after (s) |";
        yield return "|---|---|---|---|";
        foreach (var stop in run.Stops.OrderBy(s => s.SignalledAt))
        {
            var freed = stop.FreedAfter;
            var after = freed.Count == 0 ? "–" : freed.Any(f => f is null) ? "not by the end" : Seconds(freed.Max(f => f!.Value.TotalSeconds));
            yield return string.Create(C, $"| {stop.Slot} | {stop.Took.TotalSeconds:F1}{(stop.Clean ? "" : " (killed)")} | {stop.LeftAtExit?.Count.ToString(C) ?? "index unreadable"} | {after} |");
        }
    }

    private static IEnumerable<string> Pause(ChaosObservations run, Dictionary<(string TaskId, long UtcTicks), List<ReceivedFire>> byOccurrence)
    {
        if (run.Pause is not { } pause)
        {
            yield break;
        }

        var during = pause.Probes.Where(p => p.StartedAt >= pause.StoppedAt && p.StartedAt < pause.ContinuedAt).ToList();
        var statuses = string.Join(", ", during.GroupBy(p => p.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()}× {(g.Key == 0 ? "no answer" : g.Key.ToString(C))}"));
        var resumed = run.Fires.Where(f => f.ReceivedAt >= pause.ContinuedAt).Select(f => f.ReceivedAt).DefaultIfEmpty().Min();
        var backlog = LatenessOfScheduledIn(run, byOccurrence, pause.StoppedAt, pause.ContinuedAt, from: pause.ContinuedAt);
        yield return "";
        yield return string.Create(C, $"Storage paused {(pause.ContinuedAt - pause.StoppedAt).TotalSeconds:F1} s. API calls started during the pause (a task read and the health check every 0.5 s): {statuses}; slowest answer {Seconds(during.Count == 0 ? double.NaN : during.Max(p => p.Took.TotalSeconds))}. First delivery {Seconds((resumed - pause.ContinuedAt).TotalSeconds)} after storage answered again; every occurrence scheduled during the pause delivered within {Seconds(backlog.Count == 0 ? double.NaN : backlog.Max())} of it.");
    }

    // First-delivery lateness of the occurrences scheduled away from every disturbance: from 5 s before each kill,
    // the rolling restart and the pause (occurrences already claimed then) to 20 s after (takeovers, the backlog).
    private static List<double> Undisturbed(ChaosObservations run, Dictionary<(string TaskId, long UtcTicks), List<ReceivedFire>> byOccurrence)
    {
        var before = TimeSpan.FromSeconds(5);
        var settle = TimeSpan.FromSeconds(20);
        var windows = run.Kills.Select(k => (From: k.At - before, To: k.At + settle)).ToList();
        if (run.Rolling is { } rolling)
        {
            windows.Add((rolling.From - before, rolling.To + settle));
        }

        if (run.Pause is { } pause)
        {
            windows.Add((pause.StoppedAt - before, pause.ContinuedAt + settle));
        }

        return
        [
            .. byOccurrence
                .Where(g => g.Key.UtcTicks >= run.WindowFrom.UtcTicks && g.Key.UtcTicks <= run.WindowTo.UtcTicks)
                .Where(g => !windows.Any(w => g.Key.UtcTicks >= w.From.UtcTicks && g.Key.UtcTicks < w.To.UtcTicks))
                .Select(g => (g.Value[0].ReceivedAt - new DateTimeOffset(g.Key.UtcTicks, TimeSpan.Zero)).TotalSeconds),
        ];
    }

    // First-delivery lateness of the occurrences scheduled in [from, to), measured from their instant or from `from`.
    private static List<double> LatenessOfScheduledIn(
        ChaosObservations run, Dictionary<(string TaskId, long UtcTicks), List<ReceivedFire>> byOccurrence, DateTimeOffset start, DateTimeOffset end, DateTimeOffset? from = null) =>
    [
        .. byOccurrence
            .Where(g => g.Key.UtcTicks >= start.UtcTicks && g.Key.UtcTicks < end.UtcTicks)
            .Select(g => (g.Value[0].ReceivedAt - (from ?? new DateTimeOffset(g.Key.UtcTicks, TimeSpan.Zero))).TotalSeconds),
    ];

    private static string Seconds(double value) => double.IsNaN(value) ? "–" : value.ToString("F2", C) + " s";
}
