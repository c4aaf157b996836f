using System.Globalization;
using System.Runtime.InteropServices;

namespace FunctionScheduler.Benchmarks.Load;

/// <summary>
/// The standalone runtime's load harness (not a BenchmarkDotNet suite):
/// <c>dotnet run -c Release --project tests/FunctionScheduler.Benchmarks -- load [--quick] [--out FILE]</c>.
/// Starts its own in-memory Azurite and a local target, measures the storage ceiling, runs the workloads one after
/// another and prints a Markdown report (docs/benchmarks/standalone-load.md records one). Bounded: about 15 minutes
/// in full, 3 with --quick; it stops by itself.
/// </summary>
internal static class LoadHarness
{
    public const string Command = "load";

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var outIndex = Array.IndexOf(args, "--out");
        var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
        var log = Console.Out;

        await using var azurite = await AzuriteProcess.StartAsync(AzuriteProcess.FindRepositoryRoot());
        await using var target = await LoadTarget.StartAsync();
        log.WriteLine($"Azurite (table) pid {azurite.ProcessId} on 127.0.0.1:{azurite.Port}; target {target.Url}");

        var ceiling = await StorageCeiling.MeasureAsync(azurite.ConnectionString, TimeSpan.FromSeconds(quick ? 5 : 15));
        log.WriteLine($"storage ceiling: {ceiling:F0} upserts/s with {StorageCeiling.InFlight} in flight");

        var runner = new LoadRunner(azurite, target, log);
        var results = new List<WorkloadResult>();
        var measure = TimeSpan.FromSeconds(quick ? 15 : 60);

        results.Add(await runner.FiringAsync(
            "100 every-second tasks", 100,
            firstAt => TaskSeeder.Staggered("sec", 100, TimeSpan.FromSeconds(1), firstAt, runner.TargetUrl),
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), measure,
            "interval PT1S, first fires spread over the second"));

        results.Add(await runner.FiringAsync(
            "100 every-second tasks, aligned", 100,
            _ => TaskSeeder.Aligned("cron", 100, "* * * * * *", runner.TargetUrl),
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), measure,
            "cron '* * * * * *': all 100 due on the same instant every second"));

        var perMinute = quick ? 1_000 : 10_000;
        results.Add(await runner.FiringAsync(
            $"{perMinute:N0} every-minute tasks", perMinute / 60.0,
            firstAt => TaskSeeder.Staggered("min", perMinute, TimeSpan.FromMinutes(1), firstAt, runner.TargetUrl),
            TimeSpan.FromSeconds(quick ? 15 : 60), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(quick ? 30 : 120),
            "interval PT1M, first fires spread over the minute"));

        var held = quick ? 10_000 : 100_000;
        results.Add(await runner.HeldAsync($"{held:N0} active every-hour tasks", held, TimeSpan.FromHours(1), TimeSpan.FromSeconds(quick ? 35 : 40)));

        // Measured again next to the ramp, which is read against it; the report gives both.
        var rampCeiling = await StorageCeiling.MeasureAsync(azurite.ConnectionString, TimeSpan.FromSeconds(quick ? 5 : 15));
        var opsPerFire = results[0].StorageOpsPerFire;
        var predicted = rampCeiling / opsPerFire;
        log.WriteLine($"storage ceiling before the ramp: {rampCeiling:F0} upserts/s; predicted fire-rate ceiling: {predicted:F0} fires/s ({opsPerFire:F2} ops per fire)");
        double[] steps = quick ? [0.5, 0.8, 1.0, 1.3] : [0.5, 0.7, 0.85, 1.0, 1.15, 1.3, 1.5, 2.0];
        WorkloadResult? best = null;
        foreach (var step in steps)
        {
            var rate = (int)Math.Round(predicted * step);
            var result = await runner.FiringAsync(
                $"ramp: {rate} every-second tasks", rate,
                firstAt => TaskSeeder.Staggered("ramp", rate, TimeSpan.FromSeconds(1), firstAt, runner.TargetUrl),
                TimeSpan.FromSeconds(10 + (rate * 3 / rampCeiling * 2)), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(quick ? 10 : 20),
                $"{step:P0} of the predicted ceiling");
            results.Add(result);
            if (!result.Sustained)
            {
                break;
            }

            best = result;
        }

        var report = Report(ceiling, rampCeiling, predicted, best, results);
        log.WriteLine();
        log.WriteLine(report);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report);
        }

        return 0;
    }

    private static string Report(double ceiling, double rampCeiling, double predicted, WorkloadResult? best, IReadOnlyList<WorkloadResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}",
            string.Create(c, $"Storage ceiling: {ceiling:F0} upserts/s at the start, {rampCeiling:F0} before the ramp ({StorageCeiling.InFlight} in flight, Azurite in memory)"),
            string.Create(c, $"Predicted fire-rate ceiling: {predicted:F0} fires/s; highest sustained: {(best is null ? "none" : $"{best.FiresPerSecond:F0} fires/s ({best.FiresPerSecond / predicted:P0} of predicted)")}"),
            "",
            "| workload | tasks | offered/s | fires/s | p50 ms | p99 ms | max ms | storage ops/fire | dup | load s | heap MB | working set MB | host cores | Azurite cores | notes |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        };
        lines.AddRange(results.Select(r => string.Create(c,
            $"| {r.Name} | {r.Tasks} | {r.OfferedPerSecond:F1} | {r.FiresPerSecond:F1} | {r.P50Ms:F0} | {r.P99Ms:F0} | {r.MaxMs:F0} | {r.StorageOpsPerFire:F2} | {r.Duplicates} | {r.LoadTime?.TotalSeconds:F1} | {r.ManagedMb:F0} | {r.WorkingSetMb:F0} | {r.HostCores:F2} | {r.AzuriteCores:F2} | {r.Notes} |")));
        return string.Join(Environment.NewLine, lines);
    }
}
