using System.Diagnostics;
using FunctionScheduler.Benchmarks.Load;
using Microsoft.Data.Sqlite;
using Quartz;

namespace FunctionScheduler.Benchmarks.Peers;

/// <summary>
/// Quartz.NET 4 as a baseline (never a dependency of the product): the same workloads as our runtime, as cron
/// triggers whose job calls the same receiver. RAMJobStore keeps everything in memory; AdoJobStore keeps it in a
/// fresh SQLite file (WAL), deleted afterwards.
/// </summary>
internal sealed class QuartzRunner(LoadTarget target, TextWriter log, bool persistent)
{
    // Jobs are async HTTP calls: many may wait at once, and triggers are acquired in batches as large, so a burst is
    // not fed to the threads one trigger at a time (Quartz's default acquires one).
    private const int Threads = 100;

    public string Name => persistent ? "Quartz AdoJobStore (SQLite)" : "Quartz RAMJobStore";

    /// <summary><paramref name="count"/> tasks on one cron; measures fires scheduled in [first instant + warm-up, + measure).</summary>
    public async Task<WorkloadResult> FiringAsync(string name, int count, string cron, TimeSpan warmup, TimeSpan measure)
    {
        var (factory, scheduler, file) = await StartAsync(count, cron);
        try
        {
            await Task.Delay(warmup);
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var from = DateTimeOffset.UtcNow;
            await Task.Delay(measure);
            var to = DateTimeOffset.UtcNow;
            process.Refresh();
            var fires = target.Between(from, to);
            var lateness = fires.Select(f => f.LatenessMs).ToList();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            log.WriteLine($"[{Name}] {name}: {fires.Count / measure.TotalSeconds:F1} fires/s, p50 {Percentiles.Of(lateness, 50):F0} ms, p99 {Percentiles.Of(lateness, 99):F0} ms");
            return Result(name, count, count, fires.Count, fires.Count / measure.TotalSeconds, lateness, cpuSeconds / measure.TotalSeconds, $"{cpuSeconds * 1000 / Math.Max(1, fires.Count):F2} ms CPU per fire");
        }
        finally
        {
            await StopAsync(factory, scheduler, file);
        }
    }

    /// <summary><paramref name="count"/> tasks due at second 0 of a minute; one such instant measured.</summary>
    public async Task<WorkloadResult> BurstAsync(string name, int count, TimeSpan bound)
    {
        var (factory, scheduler, file) = await StartAsync(count, "0 * * * * ?");
        try
        {
            // As for ours (LoadRunner.BurstAsync): the next second 0 at least 5 s after the triggers are stored.
            var now = DateTimeOffset.UtcNow.AddSeconds(5);
            var instant = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
            await Task.Delay(instant - DateTimeOffset.UtcNow);
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var deadline = instant + bound;
            while (DateTimeOffset.UtcNow < deadline && target.All.Where(f => f.ScheduledAt == instant).DistinctBy(f => f.RunId).Count() < count)
            {
                await Task.Delay(100);
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            var fires = target.All.Where(f => f.ScheduledAt == instant && f.ReceivedAt < deadline).DistinctBy(f => f.RunId).ToList();
            var elapsed = fires.Count == 0 ? 0 : (fires.Max(f => f.ReceivedAt) - instant).TotalSeconds;
            log.WriteLine($"[{Name}] {name}: {fires.Count} of {count} within {bound.TotalSeconds:F0} s, p50 {Percentiles.Of([.. fires.Select(f => f.LatenessMs)], 50):F0} ms, p99 {Percentiles.Of([.. fires.Select(f => f.LatenessMs)], 99):F0} ms");
            return Result(name, count, count, fires.Count, elapsed > 0 ? fires.Count / elapsed : double.NaN, [.. fires.Select(f => f.LatenessMs)], cpuSeconds,
                $"{fires.Count} of {count} delivered within {bound.TotalSeconds:F0} s; {cpuSeconds * 1000 / Math.Max(1, fires.Count):F2} ms CPU per fire");
        }
        finally
        {
            await StopAsync(factory, scheduler, file);
        }
    }

    private async Task<(StandaloneSchedulerFactory Factory, IScheduler Scheduler, string? File)> StartAsync(int count, string cron)
    {
        string? file = null;
        if (persistent)
        {
            file = Path.Combine(Path.GetTempPath(), "quartz-peer-" + Guid.NewGuid().ToString("N")[..10] + ".db");
            // WAL is a property of the file, kept once set: what a SQLite deployment would choose for concurrent reads.
            await using var db = new SqliteConnection($"Data Source={file}");
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync();
        }

        var factory = QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(options =>
            {
                options.InstanceName = "peer";
                options.MaxBatchSize = Threads;
            });
            q.UseDefaultThreadPool(Threads);
            if (file is null)
            {
                q.UseInMemoryStore();
            }
            else
            {
                // The package's own SQLite schema, created in the empty file when the scheduler starts.
                q.UsePersistentStore(store =>
                {
                    store.UseSqlite($"Data Source={file}");
                    store.ProvisionSchema();
                });
            }
        }).Build();
        var scheduler = await factory.GetScheduler();
        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        for (var i = 0; i < count; i++)
        {
            var id = $"peer-{i:D6}";
            var job = JobBuilder.Create<ReceiverJob>().WithIdentity(id).UsingJobData(ReceiverJob.TargetKey, target.Url.ToString()).Build();
            var trigger = TriggerBuilder.Create().WithIdentity(id).WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc)).Build();
            jobs[job] = [trigger];
        }

        await scheduler.ScheduleJobs(jobs, new ScheduleJobOptions { Replace = true });
        await scheduler.Start();
        log.WriteLine($"[{Name}] {count} triggers '{cron}' scheduled");
        return (factory, scheduler, file);
    }

    private async Task StopAsync(StandaloneSchedulerFactory factory, IScheduler scheduler, string? file)
    {
        await scheduler.Shutdown(waitForJobsToComplete: true);
        await factory.DisposeAsync();
        target.Clear();
        SqliteConnection.ClearAllPools();
        foreach (var path in file is null ? [] : new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    private static WorkloadResult Result(string name, int tasks, double offered, int fires, double rate, List<double> lateness, double cores, string notes) => new()
    {
        Name = name,
        Tasks = tasks,
        OfferedPerSecond = offered,
        Fires = fires,
        FiresPerSecond = rate,
        P50Ms = Percentiles.Of(lateness, 50),
        P99Ms = Percentiles.Of(lateness, 99),
        MaxMs = lateness.Count == 0 ? double.NaN : lateness.Max(),
        HostCores = cores,
        Notes = notes,
    };
}
