using FunctionScheduler.Testing.Conformance;

namespace FunctionScheduler.Functions.Tests.EngineConformance;

/// <summary>
/// Which conformance scenarios run on the real engine and the real clock, and why the others do not. The list is
/// explicit so that every skipped file is named, with its reason, in tests/conformance/README.md and
/// docs/functions.md, and never silently left out; <see cref="RealClockScenariosTests"/> holds it to the rule
/// (<see cref="RealClockFit"/> within <see cref="Budget"/>) and to both documents.
/// </summary>
internal static class RealClockScenarios
{
    /// <summary>
    /// The most real time one scenario may take, the wait for an aligned start included. The runnable scenarios run
    /// concurrently (<see cref="EngineScenarioRuns"/>), so this is about how long the suite waits for them: the
    /// longest runnable one needs 2 min 46 s. At 4 min 10 s, cron-every-minute and two-tasks-jitter would run too
    /// (they pass on both backends), for about a minute more.
    /// </summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    /// <summary>Scenario files this runtime does not run, each with why.</summary>
    public static IReadOnlyDictionary<string, string> Skipped { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cron-every-minute"] = "spans 3 min 10 s, plus up to a minute to start on a minute's second 20: over the 3-minute budget",
        ["cron-dst-dublin-autumn"] = "an hourly Europe/Dublin cron across the autumn change: spans 4 hours, plus up to an hour to an aligned start",
        ["cron-dst-dublin-spring"] = "an hourly Europe/Dublin cron across the spring change: spans 4 hours and takes the runtime down for 31 min 30 s",
        ["cron-macros"] = "spans 13 h 30 min, plus up to a day to start on a day's boundary",
        ["cron-dst-berlin"] = "a daily cron in Europe/Berlin across the spring-forward night: no move by whole days keeps its calendar, and it spans two days",
        ["delete-and-bad-input"] = "spans 4 min 40 s, plus up to a minute to start on a minute's second 20",
        ["downtime-catch-up"] = "takes the runtime down for 10 minutes (11 min 10 s in all)",
        ["downtime-fire-once"] = "takes the runtime down for 10 minutes (11 min 10 s in all)",
        ["downtime-skip"] = "takes the runtime down for 10 minutes (11 min 10 s in all)",
        ["once"] = "spans a day and 10 minutes",
        ["pause-resume"] = "spans 12 min 10 s",
        ["quartz-seconds-cron"] = "spans 15 minutes, plus up to an hour to start on an hour's minute 1",
        ["replace-changes-schedule"] = "spans 10 min 40 s",
        ["replace-one-off-same-instant"] = "spans 11 minutes, and it names run ids, which encode their occurrence's instant",
        ["start-end-bounds"] = "spans 20 minutes",
        ["two-tasks-jitter"] = "spans 3 min 10 s, plus up to a minute to start on a minute's second 20: over the 3-minute budget",
        ["backfill-after-downtime"] = "takes the runtime down for 10 minutes (16 min 10 s in all)",
        ["backfill-window"] = "spans 59 min 45 s, and it names run ids, which encode their occurrence's instant",
        ["response-assertion"] = "spans 5 minutes",
        ["failure-action"] = "spans 3 minutes, and it names run ids (the notification ids are made of them)",
        ["auto-pause"] = "spans 9 minutes",
        ["overdue"] = "spans 2 hours, stalls delivery for 30 minutes, and names run ids (its overdue check on the real engine is RealEngineTests' suspended orchestration)",
    };

    /// <summary>The scenario files this runtime runs.</summary>
    public static IEnumerable<string> Runnable() =>
        ScenarioFiles.All().Where(name => !Skipped.ContainsKey(name));
}
