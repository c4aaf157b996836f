using FunctionScheduler.Benchmarks.Load;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionScheduler.Benchmarks.Chaos;

/// <summary>
/// One chaos run: its own Azurite and receiver, N hosts as child processes, M every-second tasks; kills and
/// restarts on a schedule, a rolling restart, a storage pause; then it stops everything it started, by PID.
/// </summary>
internal sealed class ChaosRun(ChaosOptions options, TextWriter log)
{
    // Time for the hosts to start before the first fires, and the first fires to settle before the window opens.
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(60);

    // After the last kill, how long the run waits for its claims to be taken over before it restarts hosts: a host
    // judges others only from what it has seen since its own start, so restarting every survivor would start the
    // count again and blur the takeover time being measured.
    private static readonly TimeSpan QuietBound = TimeSpan.FromSeconds(30);

    private readonly List<KillEvent> _kills = [];
    private readonly List<StopEvent> _stops = [];
    private readonly List<Task> _watches = [];

    // Set at the start of the run, the same for every host it starts.
    private ClaimTracker _tracker = null!;
    private string _hostDll = "";
    private Dictionary<string, string> _settings = [];
    private string _logs = "";
    private HttpClient _http = null!;
    private CancellationToken _watching;

    public async Task<ChaosObservations> RunAsync(CancellationToken cancellationToken)
    {
        using var stopWatching = new CancellationTokenSource();
        _watching = stopWatching.Token;
        var root = AzuriteProcess.FindRepositoryRoot();
        _hostDll = Path.GetFullPath(options.HostDll ?? DefaultHostDll(root));
        if (!File.Exists(_hostDll))
        {
            throw new FileNotFoundException($"No standalone host at {_hostDll}: build the solution (Release) first, or pass --host-dll.");
        }

        _logs = Directory.CreateTempSubdirectory("chaos-").FullName;
        var loadBefore = LoadAverage();
        log.WriteLine($"[{options.Label}] host {_hostDll}; host logs in {_logs}; load average {loadBefore}");

        await using var azurite = await AzuriteProcess.StartAsync(root);
        await using var target = await LoadTarget.StartAsync(options.TargetDelay);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        _http = http;
        var prefix = "chaos" + Guid.NewGuid().ToString("N")[..12];
        _settings = HostSettings(azurite.ConnectionString, prefix);

        var firstAt = DateTimeOffset.UtcNow + Lead;
        // The contract's default target settings (30 s timeout, 3 attempts within 2 minutes), as a user's task has
        // them: they decide how long a claim's lease is.
        IReadOnlyList<ScheduledTask> tasks = [.. TaskSeeder.Staggered("chaos", options.Tasks, TimeSpan.FromSeconds(1), firstAt, target.Url)
            .Select(t => t with { Target = new HttpTarget { Url = t.Target.Url } })];
        await TaskSeeder.ViaStoreAsync(azurite.ConnectionString, prefix, tasks);
        await using var storage = TaskSeeder.Storage(azurite.ConnectionString, prefix);
        _tracker = new ClaimTracker(storage.GetRequiredService<ITaskStore>());
        log.WriteLine($"[{options.Label}] Azurite pid {azurite.ProcessId}; {tasks.Count} tasks; receiver {target.Url} holding each call {options.TargetDelay.TotalMilliseconds} ms");

        var hosts = new HostProcess?[options.Hosts];
        try
        {
            await Task.WhenAll(Enumerable.Range(0, options.Hosts).Select(async slot =>
                hosts[slot] = await StartHostAsync(slot, cancellationToken)));
            log.WriteLine($"[{options.Label}] hosts: {string.Join(", ", hosts.Select(h => $"{h!.Slot}=pid {h.ProcessId}"))}");

            var windowFrom = Max(DateTimeOffset.UtcNow, firstAt) + Settle;
            await DelayUntil(windowFrom, cancellationToken);
            await KillPhaseAsync(hosts, windowFrom, cancellationToken);
            (DateTimeOffset, DateTimeOffset)? rolling = options.Rolling ? await RollingRestartAsync(hosts, cancellationToken) : null;
            var pause = options.Pause > TimeSpan.Zero ? await PauseStorageAsync(azurite, hosts[0]!, tasks[0].Id, cancellationToken) : null;

            log.WriteLine($"[{options.Label}] tail {options.Tail.TotalSeconds:F0} s");
            await Task.Delay(options.Tail, cancellationToken);
            var windowTo = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(5);
            var fires = target.All;
            var missing = ExpectedOccurrences.Missing(ExpectedOccurrences.Within(tasks, windowFrom, windowTo), fires);
            var reasons = await new LossAudit(storage.GetRequiredService<ITaskStore>(), storage.GetRequiredService<IRunLog>()).ExplainAsync(missing, cancellationToken);
            await stopWatching.CancelAsync();
            await Task.WhenAll(_watches);

            return new ChaosObservations
            {
                Options = options,
                HostDll = _hostDll,
                Tasks = tasks,
                Fires = fires,
                MissingReasons = reasons,
                WindowFrom = windowFrom,
                WindowTo = windowTo,
                Kills = [.. _kills.OrderBy(k => k.Number)],
                Stops = _stops,
                Rolling = rolling,
                Pause = pause,
                LoadBefore = loadBefore,
                LoadAfter = LoadAverage(),
            };
        }
        finally
        {
            await stopWatching.CancelAsync();
            foreach (var host in hosts.OfType<HostProcess>())
            {
                if (!host.HasExited)
                {
                    await host.StopAsync(TimeSpan.FromSeconds(30));
                }

                await host.DisposeAsync();
            }
        }
    }

    // Kills spread evenly over the phase, one host after another; each killed host is started again RestartAfter
    // later, as a new process with a new instance id.
    private async Task KillPhaseAsync(HostProcess?[] hosts, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var restarts = new List<Task>();
        var takeovers = new List<Task>();
        var spacing = options.Kills == 0 ? options.KillPhase : options.KillPhase / options.Kills;
        for (var i = 0; i < options.Kills; i++)
        {
            await DelayUntil(from + (spacing * (i + 0.5)), cancellationToken);
            var slot = i % hosts.Length;
            var victim = hosts[slot]!;
            victim.Kill();
            var killedAt = DateTimeOffset.UtcNow;
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            var stranded = await _tracker.HeldByAsync(victim.InstanceId, cancellationToken);
            log.WriteLine($"[{options.Label}] kill {i + 1}: host {slot} (pid {victim.ProcessId}) at +{(killedAt - from).TotalSeconds:F1} s; {stranded?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} claims stranded");
            var number = i + 1;
            takeovers.Add(Watch(stranded, victim.InstanceId, killedAt, freed => new KillEvent(number, killedAt, slot, victim.InstanceId, stranded, freed), _kills));
            restarts.Add(RestartAsync(hosts, slot, victim, killedAt + options.RestartAfter, cancellationToken));
        }

        await DelayUntil(from + options.KillPhase, cancellationToken);
        await Task.WhenAll(restarts);
        await Task.WhenAny(Task.WhenAll(takeovers), Task.Delay(QuietBound, cancellationToken));
    }

    private async Task RestartAsync(HostProcess?[] hosts, int slot, HostProcess killed, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await killed.DisposeAsync();
        await DelayUntil(at, cancellationToken);
        hosts[slot] = await StartHostAsync(slot, cancellationToken);
    }

    private Task<HostProcess> StartHostAsync(int slot, CancellationToken cancellationToken) =>
        HostProcess.StartAsync(_hostDll, slot, _settings, _logs, _http, cancellationToken);

    // Every host in turn: SIGTERM, wait for its exit, start it again, as a deployment would.
    private async Task<(DateTimeOffset, DateTimeOffset)> RollingRestartAsync(HostProcess?[] hosts, CancellationToken cancellationToken)
    {
        var from = DateTimeOffset.UtcNow;
        for (var slot = 0; slot < hosts.Length; slot++)
        {
            var host = hosts[slot]!;
            var signalledAt = DateTimeOffset.UtcNow;
            var clean = await host.StopAsync(StopBound);
            var exitedAt = DateTimeOffset.UtcNow;
            var left = await _tracker.HeldByAsync(host.InstanceId, cancellationToken);
            log.WriteLine($"[{options.Label}] rolling: host {slot} stopped in {(exitedAt - signalledAt).TotalSeconds:F1} s{(clean ? "" : " (killed after the bound)")}; {left?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} claims left");
            _ = Watch(left, host.InstanceId, exitedAt, freed => new StopEvent(slot, host.InstanceId, signalledAt, exitedAt - signalledAt, clean, left, freed), _stops);
            await host.DisposeAsync();
            hosts[slot] = await StartHostAsync(slot, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        return (from, DateTimeOffset.UtcNow);
    }

    private async Task<PauseEvent> PauseStorageAsync(AzuriteProcess azurite, HostProcess host, string taskId, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        var probing = new ApiProbe(_http, host.BaseAddress, taskId).RunAsync(options.Pause + TimeSpan.FromSeconds(1), cancellationToken);
        await Signals.SendAsync(azurite.ProcessId, "STOP");
        var stoppedAt = DateTimeOffset.UtcNow;
        log.WriteLine($"[{options.Label}] Azurite stopped (SIGSTOP) for {options.Pause.TotalSeconds:F0} s");
        try
        {
            await Task.Delay(options.Pause, cancellationToken);
        }
        finally
        {
            await Signals.SendAsync(azurite.ProcessId, "CONT");
        }

        var continuedAt = DateTimeOffset.UtcNow;
        var probes = await probing;
        return new PauseEvent(stoppedAt, continuedAt, probes);
    }

    private Task Watch<T>(IReadOnlyList<HeldClaim>? claims, string hostId, DateTimeOffset since, Func<IReadOnlyList<TimeSpan?>, T> record, List<T> into)
    {
        var watch = Task.Run(async () =>
        {
            var freed = claims is null ? [] : await _tracker.WatchAsync(claims, hostId, since, _watching);
            lock (into)
            {
                into.Add(record(freed));
            }
        });
        _watches.Add(watch);
        return watch;
    }

    private static Dictionary<string, string> HostSettings(string connectionString, string prefix) => new()
    {
        ["Scheduler__Storage__ConnectionString"] = connectionString,
        ["Scheduler__Storage__TablePrefix"] = prefix,
        ["Scheduler__Signing__KeyId"] = "chaos",
        ["Scheduler__Signing__Secret"] = "chaos-harness-signing-secret-0123456789",
        ["Scheduler__Targets__AllowedNetworks__0"] = "127.0.0.1",
        ["Scheduler__Standalone__ApiKey"] = HostProcess.ApiKey,
        ["Scheduler__Standalone__ConsoleTelemetry"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__FunctionScheduler.Core.Liveness"] = "Information",
        ["Logging__LogLevel__FunctionScheduler.Standalone.Dispatching"] = "Information",
    };

    // This repository's build of the host, in the configuration the harness itself was built in.
    private static string DefaultHostDll(string root)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Release";
        return Path.Combine(root, "src", "FunctionScheduler.Standalone", "bin", configuration, "net10.0", "FunctionScheduler.Standalone.dll");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task DelayUntil(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var wait = at - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
