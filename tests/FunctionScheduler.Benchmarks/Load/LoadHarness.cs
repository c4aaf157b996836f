using System.Globalization;
using System.Runtime.InteropServices;

namespace FunctionScheduler.Benchmarks.Load;

/// <summary>
/// The standalone runtime's load harness (not a BenchmarkDotNet suite):
/// <c>dotnet run -c Release --project tests/FunctionScheduler.Benchmarks -- load [--quick] [--out FILE]
/// [--only second,aligned,minute,burst,held,ramp] [--ops]</c>.
/// Starts its own in-memory Azurite and a local target, measures the storage ceiling, runs the workloads one after
/// another and prints a Markdown report (docs/benchmarks/standalone-load.md records one); <c>--ops</c> adds what
/// each kind of write costs Azurite. Bounded: about 25 minutes in full, 4 with --quick; it stops by itself.
/// </summary>
internal static class LoadHarness
{
    public const string Command = "load";

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var outIndex = Array.IndexOf(args, "--out");
        var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
        var onlyIndex = Array.IndexOf(args, "--only");
        var only = onlyIndex >= 0 && onlyIndex + 1 < args.Length ? args[onlyIndex + 1].Split(',') : null;
        bool Runs(string workload) => only is null || only.Contains(workload);
        var log = Console.Out;

        await using var azurite = await AzuriteProcess.StartAsync(AzuriteProcess.FindRepositoryRoot());
        await using var target = await LoadTarget.StartAsync();
        log.WriteLine($"Azurite (table) pid {azurite.ProcessId} on 127.0.0.1:{azurite.Port}; target {target.Url}");

        var ceiling = await StorageCeiling.MeasureAsync(azurite.ConnectionString, TimeSpan.FromSeconds(quick ? 5 : 15));
        log.WriteLine($"storage ceiling: {ceiling:F0} upserts/s with {StorageCeiling.InFlight} in flight");

        IReadOnlyList<StorageOperationCosts.Cost> costs = [];
        if (args.Contains("--ops"))
        {
            costs = await StorageOperationCosts.MeasureAsync(azurite, TimeSpan.FromSeconds(quick ? 5 : 10));
            foreach (var cost in costs)
            {
                log.WriteLine($"{cost.Operation}: {cost.PerSecond:F0}/s, Azurite {cost.AzuriteMicrosecondsPerOp:F0} µs CPU per operation");
            }
        }

        var runner = new LoadRunner(azurite, target, log);
        var results = new List<WorkloadResult>();
        var measure = TimeSpan.FromSeconds(quick ? 15 : 60);

        if (Runs("second"))
        {
            results.Add(await runner.FiringAsync(
                "100 every-second tasks", 100,
                firstAt => TaskSeeder.Staggered("sec", 100, TimeSpan.FromSeconds(1), firstAt, runner.TargetUrl),
                TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), measure,
                "interval PT1S, first fires spread over the second"));
        }

        if (Runs("aligned"))
        {
            results.Add(await runner.FiringAsync(
                "100 every-second tasks, aligned", 100,
                _ => TaskSeeder.Aligned("cron", 100, "* * * * * *", runner.TargetUrl),
                TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), measure,
                "cron '* * * * * *': all 100 due on the same instant every second"));
        }

        if (Runs("minute"))
        {
            var perMinute = quick ? 1_000 : 10_000;
            results.Add(await runner.FiringAsync(
                $"{perMinute:N0} every-minute tasks", perMinute / 60.0,
                firstAt => TaskSeeder.Staggered("min", perMinute, TimeSpan.FromMinutes(1), firstAt, runner.TargetUrl),
                TimeSpan.FromSeconds(quick ? 15 : 60), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(quick ? 30 : 120),
                "interval PT1M, first fires spread over the minute"));
        }

        if (Runs("burst"))
        {
            var burst = quick ? 2_000 : 10_000;
            results.Add(await runner.BurstAsync($"{burst:N0} tasks at second 0", burst, TimeSpan.FromSeconds(60)));
        }

        if (Runs("held"))
        {
            var held = quick ? 10_000 : 100_000;
            results.Add(await runner.HeldAsync($"{held:N0} active every-hour tasks", held, TimeSpan.FromHours(1), TimeSpan.FromSeconds(quick ? 35 : 40)));
        }

        if (!Runs("ramp"))
        {
            return await WriteAsync(Report(ceiling, double.NaN, double.NaN, null, results, costs), output);
        }

        var rampCeiling = await StorageCeiling.MeasureAsync(azurite.ConnectionString, TimeSpan.FromSeconds(quick ? 5 : 15));
        // Three writes a fire is what the executor does; the first workload measures it when it runs.
        var opsPerFire = results.FirstOrDefault()?.StorageOpsPerFire is > 0 and var measured ? measured : 3.0;
        var predicted = rampCeiling / opsPerFire;
        log.WriteLine($"storage ceiling before the ramp: {rampCeiling:F0} upserts/s; predicted fire-rate ceiling: {predicted:F0} fires/s ({opsPerFire:F2} ops per fire)");

        // Steps are fractions of the predicted rate and go on past it until one is not sustained, so the run finds
        // the failure point instead of stopping at an arbitrary top. The machine is shared and the ceiling moves
        // by tens of percent within minutes, so it is measured again right before every step (no host running)
        // and each step is read against that neighbour as well as against the run's highest ceiling.
        double[] steps = quick ? [0.5, 0.8, 1.0, 1.3] : [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0, 1.05, 1.1, 1.2, 1.3];
        WorkloadResult? best = null;
        var highestCeiling = Math.Max(ceiling, rampCeiling);
        foreach (var step in steps)
        {
            var stepCeiling = await StorageCeiling.MeasureAsync(azurite.ConnectionString, TimeSpan.FromSeconds(quick ? 5 : 10));
            var stepFireMix = await StorageOperationCosts.MeasureFireMixAsync(azurite, TimeSpan.FromSeconds(quick ? 5 : 10));
            highestCeiling = Math.Max(highestCeiling, stepCeiling);
            var rate = (int)Math.Round(predicted * step);
            var result = await runner.FiringAsync(
                $"ramp: {rate} every-second tasks", rate,
                firstAt => TaskSeeder.Staggered("ramp", rate, TimeSpan.FromSeconds(1), firstAt, runner.TargetUrl),
                TimeSpan.FromSeconds(10 + (rate * 3 / rampCeiling * 2)), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(quick ? 10 : 20),
                $"{step:P0} of the predicted ceiling");
            result = result with { CeilingBefore = stepCeiling, FireMixCeilingBefore = stepFireMix };
            log.WriteLine($"[{result.Name}] just before: ceiling {stepCeiling:F0} upserts/s ({result.OfCeiling:P0} of it per fire), fire mix {stepFireMix:F0} writes/s ({result.OfFireMixCeiling:P0})");
            results.Add(result);
            if (!result.Sustained)
            {
                break;
            }

            best = result;
        }

        return await WriteAsync(Report(highestCeiling, rampCeiling, predicted, best, results, costs), output);
    }

    private static async Task<int> WriteAsync(string report, string? output)
    {
        Console.Out.WriteLine();
        Console.Out.WriteLine(report);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report);
        }

        return 0;
    }

    private static string Report(
        double highestCeiling, double rampCeiling, double predicted, WorkloadResult? best, IReadOnlyList<WorkloadResult> results,
        IReadOnlyList<StorageOperationCosts.Cost> costs)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}",
            string.Create(c, $"Storage ceiling: highest of the run {highestCeiling:F0} upserts/s, {rampCeiling:F0} before the ramp ({StorageCeiling.InFlight} in flight, Azurite in memory)"),
            string.Create(c, $"Predicted fire-rate ceiling: {predicted:F0} fires/s; highest sustained: {(best is null ? "none" : $"{best.FiresPerSecond:F0} fires/s: {best.OfCeiling:P0} of the ceiling measured just before it, {best.FiresPerSecond / (highestCeiling / best.StorageOpsPerFire):P0} of the run's highest, {best.OfFireMixCeiling:P0} of the fire-mix ceiling just before it (each per storage operation per fire)")}"),
            "",
        };
        lines.AddRange(costs.Select(cost => string.Create(c, $"- {cost.Operation}: {cost.PerSecond:F0}/s, Azurite {cost.AzuriteMicrosecondsPerOp:F0} µs CPU per operation")));
        lines.Add("");
        lines.Add("| workload | tasks | offered/s | fires/s | p50 ms | p99 ms | max ms | storage ops/fire | dup | load s | heap MB | working set MB | host cores | Azurite cores | ceiling before | of ceiling | fire mix before | of fire mix | notes |");
        lines.Add("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        lines.AddRange(results.Select(r => string.Create(c,
            $"| {r.Name} | {r.Tasks} | {r.OfferedPerSecond:F1} | {r.FiresPerSecond:F1} | {r.P50Ms:F0} | {r.P99Ms:F0} | {r.MaxMs:F0} | {r.StorageOpsPerFire:F2} | {r.Duplicates} | {r.LoadTime?.TotalSeconds:F1} | {r.ManagedMb:F0} | {r.WorkingSetMb:F0} | {r.HostCores:F2} | {r.AzuriteCores:F2} | {(double.IsNaN(r.CeilingBefore) ? "" : r.CeilingBefore.ToString("F0", c))} | {(double.IsNaN(r.CeilingBefore) ? "" : r.OfCeiling.ToString("P0", c))} | {(double.IsNaN(r.FireMixCeilingBefore) ? "" : r.FireMixCeilingBefore.ToString("F0", c))} | {(double.IsNaN(r.FireMixCeilingBefore) ? "" : r.OfFireMixCeiling.ToString("P0", c))} | {r.Notes} |")));
        return string.Join(Environment.NewLine, lines);
    }
}
