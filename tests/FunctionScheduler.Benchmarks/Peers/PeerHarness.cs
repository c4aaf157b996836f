using System.Globalization;
using System.Runtime.InteropServices;
using FunctionScheduler.Benchmarks.Load;

namespace FunctionScheduler.Benchmarks.Peers;

/// <summary>
/// Our standalone runtime (over Azurite) beside Quartz.NET (AdoJobStore on SQLite, RAMJobStore) in one run, on one
/// local receiver: <c>dotnet run -c Release --project tests/FunctionScheduler.Benchmarks -- peers [--rounds N]
/// [--only 100,500,1000,burst] [--systems ours,sqlite,ram] [--burst 10000] [--out FILE]</c>. Every workload runs each system in turn, round after round, so the
/// shared machine's load falls on all of them alike; the report gives medians and ranges. Bounded (about 25 minutes
/// with two rounds); it stops by itself and stops only what it started.
/// </summary>
internal static class PeerHarness
{
    public const string Command = "peers";

    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan BurstBound = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Option(args, "--rounds") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 2;
        var only = Option(args, "--only")?.Split(',');
        var output = Option(args, "--out");
        var burst = Option(args, "--burst") is { } b ? int.Parse(b, CultureInfo.InvariantCulture) : 10_000;
        bool Runs(string workload) => only is null || only.Contains(workload);
        var systems = Option(args, "--systems")?.Split(',') ?? ["ours", "sqlite", "ram"];
        var log = Console.Out;

        await using var azurite = await AzuriteProcess.StartAsync(AzuriteProcess.FindRepositoryRoot());
        await using var target = await LoadTarget.StartAsync();
        log.WriteLine($"Azurite (table) pid {azurite.ProcessId} on 127.0.0.1:{azurite.Port}; receiver {target.Url}");
        var ours = new LoadRunner(azurite, target, log);
        var quartz = new[] { ("sqlite", true), ("ram", false) }
            .Where(q => systems.Contains(q.Item1))
            .Select(q => new QuartzRunner(target, log, persistent: q.Item2))
            .ToList();
        var runsOurs = systems.Contains("ours");
        var results = new List<(string Workload, string System, WorkloadResult Result)>();

        foreach (var rate in new[] { 100, 500, 1000 }.Where(r => Runs(r.ToString(CultureInfo.InvariantCulture))))
        {
            var workload = $"{rate} tasks every second";
            for (var round = 0; round < rounds; round++)
            {
                if (runsOurs)
                {
                    results.Add((workload, "ours (Azurite)", await ours.FiringAsync(
                        workload, rate, _ => TaskSeeder.Aligned("peer", rate, "* * * * * *", target.Url),
                        TimeSpan.FromSeconds(10), Warmup, Measure)));
                }

                foreach (var peer in quartz)
                {
                    results.Add((workload, peer.Name, await peer.FiringAsync(workload, rate, "* * * * * ?", Warmup, Measure)));
                }
            }
        }

        if (Runs("burst"))
        {
            var workload = $"{burst:N0} tasks at second 0";
            for (var round = 0; round < rounds; round++)
            {
                if (runsOurs)
                {
                    results.Add((workload, "ours (Azurite)", await ours.BurstAsync(workload, burst, BurstBound)));
                }

                foreach (var peer in quartz)
                {
                    results.Add((workload, peer.Name, await peer.BurstAsync(workload, burst, BurstBound)));
                }
            }
        }

        var report = Report(results);
        log.WriteLine();
        log.WriteLine(report);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report);
        }

        return 0;
    }

    private static string Report(List<(string Workload, string System, WorkloadResult Result)> results)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}",
            "",
            "| workload | system | runs | fires/s (median, range) | delivered | p50 ms | p99 ms | max ms | host CPU ms per fire | Azurite CPU ms per fire |",
            "|---|---|---|---|---|---|---|---|---|---|",
        };
        foreach (var group in results.GroupBy(r => (r.Workload, r.System)))
        {
            var runs = group.Select(g => g.Result).ToList();
            var burst = group.Key.Workload.Contains("second 0", StringComparison.Ordinal);
            lines.Add(string.Create(c,
                $"| {group.Key.Workload} | {group.Key.System} | {runs.Count} | {Range(runs, r => r.FiresPerSecond, "F0")} | {string.Join(", ", runs.Select(r => r.Fires))} | {Range(runs, r => r.P50Ms, "F0")} | {Range(runs, r => r.P99Ms, "F0")} | {Range(runs, r => r.MaxMs, "F0")} | {Range(runs, r => CpuPerFire(r, burst), "F2")} | {Range(runs, r => AzuritePerFire(r, burst), "F2")} |"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    // Steady workloads report cores over the window; bursts report CPU seconds over the burst (LoadRunner.BurstAsync).
    private static double CpuPerFire(WorkloadResult r, bool burst) =>
        r.Fires == 0 ? double.NaN : burst ? r.HostCores * 1000 / r.Fires : r.HostCores * 1000 / r.FiresPerSecond;

    private static double AzuritePerFire(WorkloadResult r, bool burst) =>
        r.Fires == 0 || r.AzuriteCores == 0 ? double.NaN : burst ? r.AzuriteCores * 1000 / r.Fires : r.AzuriteCores * 1000 / r.FiresPerSecond;

    private static string Range(List<WorkloadResult> runs, Func<WorkloadResult, double> value, string format)
    {
        var values = runs.Select(value).Where(v => !double.IsNaN(v)).Order().ToList();
        if (values.Count == 0)
        {
            return "";
        }

        var median = Percentiles.Of(values, 50);
        return values.Count == 1
            ? values[0].ToString(format, CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{median.ToString(format, CultureInfo.InvariantCulture)} ({values[0].ToString(format, CultureInfo.InvariantCulture)}–{values[^1].ToString(format, CultureInfo.InvariantCulture)})");
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
