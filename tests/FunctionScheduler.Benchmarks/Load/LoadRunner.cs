using System.Diagnostics;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Benchmarks.Load;

/// <summary>
/// Runs one workload: seeds its tasks into fresh tables, starts a host over them, lets the first fires settle,
/// then measures a window (fires at the target, lateness, storage requests, CPU) and the memory held.
/// </summary>
internal sealed class LoadRunner(AzuriteProcess azurite, LoadTarget target, TextWriter log)
{
    private static readonly TimeSpan StartPoll = TimeSpan.FromMilliseconds(50);

    public Uri TargetUrl => target.Url;

    /// <summary>A workload that fires: <paramref name="define"/> gets the instant the first fires may start.</summary>
    public async Task<WorkloadResult> FiringAsync(
        string name,
        double offeredPerSecond,
        Func<DateTimeOffset, IReadOnlyList<ScheduledTask>> define,
        TimeSpan lead,
        TimeSpan warmup,
        TimeSpan measure,
        string notes = "")
    {
        var prefix = NewPrefix();
        var firstAt = DateTimeOffset.UtcNow + lead;
        var tasks = define(firstAt);
        log.WriteLine($"[{name}] seeding {tasks.Count} tasks");
        await TaskSeeder.ViaStoreAsync(azurite.ConnectionString, prefix, tasks);

        using var counter = new StorageRequestCounter(azurite.Port);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var started = Stopwatch.StartNew();
        await using var host = await HarnessHost.StartAsync(azurite.ConnectionString, prefix);
        await WaitUntilAsync(() => host.Dispatcher.ResyncsCompleted >= 1 && host.Dispatcher.KnownTasks >= tasks.Count, TimeSpan.FromMinutes(3));
        var loadTime = started.Elapsed;
        if (DateTimeOffset.UtcNow > firstAt)
        {
            log.WriteLine($"[{name}] warning: the host loaded after the first fires were due ({loadTime.TotalSeconds:F1} s); the lead is too short");
        }

        var windowStart = (DateTimeOffset.UtcNow > firstAt ? DateTimeOffset.UtcNow : firstAt) + warmup;
        await Task.Delay(windowStart - DateTimeOffset.UtcNow);
        log.WriteLine($"[{name}] measuring {measure.TotalSeconds:F0} s");
        var window = await MeasureAsync(counter, measure);
        var fires = target.Between(window.From, window.To);
        var lateness = fires.Select(f => f.LatenessMs).ToList();
        var result = new WorkloadResult
        {
            Name = name,
            Tasks = tasks.Count,
            OfferedPerSecond = offeredPerSecond,
            Fires = fires.Count,
            FiresPerSecond = fires.Count / measure.TotalSeconds,
            P50Ms = Percentiles.Of(lateness, 50),
            P99Ms = Percentiles.Of(lateness, 99),
            MaxMs = lateness.Count == 0 ? double.NaN : lateness.Max(),
            StorageOpsPerFire = fires.Count == 0 ? double.NaN : (double)window.StorageRequests / fires.Count,
            Duplicates = target.Duplicates,
            LoadTime = loadTime,
            ManagedMb = Mb(GC.GetTotalMemory(forceFullCollection: true)),
            WorkingSetMb = WorkingSetAfterCollectMb(),
            HostCores = window.HostCores,
            AzuriteCores = window.AzuriteCores,
            Notes = notes + $" (heap {Mb(GC.GetTotalMemory(false) - baseline):+0;-0} MB against the pre-start baseline{LateSeconds(fires, window.From)})",
        };
        log.WriteLine($"[{name}] {result.FiresPerSecond:F1} fires/s, p50 {result.P50Ms:F0} ms, p99 {result.P99Ms:F0} ms, {result.StorageOpsPerFire:F2} ops/fire");
        await host.DisposeAsync();
        await TaskSeeder.DeleteTablesAsync(azurite.ConnectionString, prefix);
        target.Clear();
        return result;
    }

    /// <summary>
    /// A burst: <paramref name="count"/> tasks all due at second 0 of a minute, measured on one such instant: how many
    /// arrived within <paramref name="bound"/>, how late, and the CPU the host and Azurite spent on them.
    /// </summary>
    public async Task<WorkloadResult> BurstAsync(string name, int count, TimeSpan bound)
    {
        var prefix = NewPrefix();
        var tasks = TaskSeeder.Aligned("burst", count, "0 * * * * *", target.Url);
        log.WriteLine($"[{name}] seeding {count} tasks in batches");
        await TaskSeeder.InBatchesAsync(azurite.ConnectionString, prefix, tasks, DateTimeOffset.UtcNow);

        using var counter = new StorageRequestCounter(azurite.Port);
        var started = Stopwatch.StartNew();
        await using var host = await HarnessHost.StartAsync(azurite.ConnectionString, prefix);
        await WaitUntilAsync(() => host.Dispatcher.ResyncsCompleted >= 1 && host.Dispatcher.KnownTasks >= count, TimeSpan.FromMinutes(3));
        var loadTime = started.Elapsed;
        using var breakdown = new StorageRequestBreakdown(azurite.Port);

        // The next second 0 at least 5 s away, so the host is idle when it comes.
        var now = DateTimeOffset.UtcNow.AddSeconds(5);
        var instant = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        await Task.Delay(instant - DateTimeOffset.UtcNow);
        log.WriteLine($"[{name}] burst at {instant:HH:mm:ss}; waiting up to {bound.TotalSeconds:F0} s");
        var process = Process.GetCurrentProcess();
        var requests = counter.Count;
        var hostCpu = process.TotalProcessorTime;
        var azuriteCpu = azurite.CpuTime;
        var deadline = instant + bound;
        var timeline = new List<string>();
        var (second, delivered, azuriteAt) = (instant, 0, azuriteCpu);
        while (DateTimeOffset.UtcNow < deadline && (delivered = target.All.Where(f => f.ScheduledAt == instant).DistinctBy(f => f.RunId).Count()) < count)
        {
            await Task.Delay(100);
            if (DateTimeOffset.UtcNow - second >= TimeSpan.FromSeconds(1))
            {
                // Where the burst stands each second: how many arrived so far and how busy Azurite's one thread was.
                var cpu = azurite.CpuTime;
                timeline.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(DateTimeOffset.UtcNow - instant).TotalSeconds:F0}s {delivered} {(cpu - azuriteAt).TotalSeconds / (DateTimeOffset.UtcNow - second).TotalSeconds:P0}"));
                (second, azuriteAt) = (DateTimeOffset.UtcNow, cpu);
            }
        }

        log.WriteLine($"[{name}] each second: elapsed, delivered so far, Azurite CPU: {string.Join("; ", timeline)}");

        // Let the last fires' records and clearings reach storage before the CPU is read.
        await Task.Delay(TimeSpan.FromSeconds(3));
        process.Refresh();
        var hostSeconds = (process.TotalProcessorTime - hostCpu).TotalSeconds;
        var azuriteSeconds = (azurite.CpuTime - azuriteCpu).TotalSeconds;
        var fires = target.All.Where(f => f.ScheduledAt == instant && f.ReceivedAt < deadline).DistinctBy(f => f.RunId).ToList();
        var lateness = fires.Select(f => f.LatenessMs).ToList();
        var elapsed = (fires.Count == 0 ? TimeSpan.Zero : fires.Max(f => f.ReceivedAt) - instant).TotalSeconds;
        var result = new WorkloadResult
        {
            Name = name,
            Tasks = count,
            OfferedPerSecond = count,
            Fires = fires.Count,
            FiresPerSecond = elapsed > 0 ? fires.Count / elapsed : double.NaN,
            P50Ms = Percentiles.Of(lateness, 50),
            P99Ms = Percentiles.Of(lateness, 99),
            MaxMs = lateness.Count == 0 ? double.NaN : lateness.Max(),
            StorageOpsPerFire = fires.Count == 0 ? double.NaN : (double)(counter.Count - requests) / fires.Count,
            Duplicates = target.Duplicates,
            LoadTime = loadTime,
            ManagedMb = Mb(GC.GetTotalMemory(forceFullCollection: true)),
            WorkingSetMb = WorkingSetAfterCollectMb(),
            HostCores = hostSeconds,
            AzuriteCores = azuriteSeconds,
            Notes = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"cron '0 * * * * *'; {fires.Count} of {count} delivered within {bound.TotalSeconds:F0} s; host CPU {hostSeconds * 1000 / Math.Max(1, fires.Count):F2} ms per fire, Azurite {azuriteSeconds * 1000 / Math.Max(1, fires.Count):F2} ms (host cores and Azurite cores columns are CPU seconds here)"),
        };
        foreach (var line in breakdown.Lines())
        {
            log.WriteLine($"[{name}] storage: {line}");
        }

        log.WriteLine($"[{name}] {result.Notes}; p50 {result.P50Ms:F0} ms, p99 {result.P99Ms:F0} ms, max {result.MaxMs:F0} ms, {result.StorageOpsPerFire:F2} requests per fire");
        await host.DisposeAsync();
        await TaskSeeder.DeleteTablesAsync(azurite.ConnectionString, prefix);
        target.Clear();
        return result;
    }

    /// <summary>A workload held in memory: how long the host takes to load it and what it costs to keep.</summary>
    public async Task<WorkloadResult> HeldAsync(string name, int count, TimeSpan interval, TimeSpan steady)
    {
        var prefix = NewPrefix();
        var tasks = TaskSeeder.Staggered("held", count, interval, DateTimeOffset.UtcNow + interval, target.Url);
        log.WriteLine($"[{name}] seeding {count} tasks in batches");
        await TaskSeeder.InBatchesAsync(azurite.ConnectionString, prefix, tasks, DateTimeOffset.UtcNow);
        tasks = [];

        using var counter = new StorageRequestCounter(azurite.Port);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var started = Stopwatch.StartNew();
        await using var host = await HarnessHost.StartAsync(azurite.ConnectionString, prefix);
        await WaitUntilAsync(() => host.Dispatcher.ResyncsCompleted >= 1 && host.Dispatcher.KnownTasks >= count, TimeSpan.FromMinutes(5));
        var loadTime = started.Elapsed;
        var loadRequests = counter.Count;
        log.WriteLine($"[{name}] loaded in {loadTime.TotalSeconds:F1} s with {loadRequests} storage requests; steady for {steady.TotalSeconds:F0} s");

        var window = await MeasureAsync(counter, steady);
        var held = GC.GetTotalMemory(forceFullCollection: true);
        var result = new WorkloadResult
        {
            Name = name,
            Tasks = count,
            Fires = target.Count,
            LoadTime = loadTime,
            ManagedMb = Mb(held),
            WorkingSetMb = WorkingSetAfterCollectMb(),
            HostCores = window.HostCores,
            AzuriteCores = window.AzuriteCores,
            Notes = $"heap {Mb(held - baseline):+0;-0} MB against the pre-start baseline; load: {loadRequests} storage requests; "
                + $"steady {steady.TotalSeconds:F0} s: {window.StorageRequests} requests (resyncs)",
        };
        await host.DisposeAsync();
        await TaskSeeder.DeleteTablesAsync(azurite.ConnectionString, prefix);
        target.Clear();
        return result;
    }

    private async Task<Window> MeasureAsync(StorageRequestCounter counter, TimeSpan duration)
    {
        var process = Process.GetCurrentProcess();
        var from = DateTimeOffset.UtcNow;
        var requests = counter.Count;
        var hostCpu = process.TotalProcessorTime;
        var azuriteCpu = azurite.CpuTime;
        await Task.Delay(duration);
        var to = DateTimeOffset.UtcNow;
        process.Refresh();
        var seconds = (to - from).TotalSeconds;
        return new Window(
            from,
            to,
            counter.Count - requests,
            (process.TotalProcessorTime - hostCpu).TotalSeconds / seconds,
            (azurite.CpuTime - azuriteCpu).TotalSeconds / seconds);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan bound)
    {
        var deadline = DateTimeOffset.UtcNow + bound;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {bound}.");
            }

            await Task.Delay(StartPoll);
        }
    }

    // The process's working set once the GC has given back what it can (earlier workloads' garbage included).
    private static double WorkingSetAfterCollectMb()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return Mb(process.WorkingSet64);
    }

    // When the late fires happened, to tell a steady delay from spikes (resyncs, GC).
    private static string LateSeconds(IReadOnlyList<ReceivedFire> fires, DateTimeOffset from)
    {
        var seconds = fires.Where(f => f.LatenessMs > 250).Select(f => (int)(f.ReceivedAt - from).TotalSeconds).Distinct().Order().ToList();
        return seconds.Count == 0 ? "" : $"; fires over 250 ms in second(s) {string.Join(",", seconds.Take(12))}{(seconds.Count > 12 ? ",..." : "")} of the window";
    }

    private static string NewPrefix() => "load" + Guid.NewGuid().ToString("N")[..10];

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

    private sealed record Window(DateTimeOffset From, DateTimeOffset To, long StorageRequests, double HostCores, double AzuriteCores);
}
