using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Health;
using FunctionScheduler.Core.Liveness;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Standalone.Dispatching;

/// <summary>
/// The embedded dispatcher: keeps every task of the index in memory with its next wake time, and fires whatever
/// comes due through the core's <see cref="TaskExecutor"/> (claim, call, record). One loop owns all state; fires
/// run on the thread pool, at most <see cref="DispatcherOptions.MaxConcurrentFires"/> at once and never two of one
/// task. Several instances may share one index: claims are conditional writes, so each occurrence fires once, and
/// heartbeats tell when an instance is gone so that its claims are taken over (TaskDispatcher.Liveness.cs).
/// </summary>
internal sealed partial class TaskDispatcher(
    TaskExecutor executor,
    ITaskStore store,
    OverdueMonitor overdue,
    IHostRegistry hosts,
    DispatchInbox inbox,
    SchedulerMetrics metrics,
    IOptions<DispatcherOptions> options,
    TimeProvider time,
    ILogger<TaskDispatcher> logger,
    ILoggerFactory loggers) : BackgroundService
{
    // A task due months ahead must not overflow the timer; waking early only re-reads the clock and re-arms.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromHours(1);

    private readonly DispatcherOptions _options = options.Value;
    private readonly WakeSchedule _schedule = new();
    private readonly Dictionary<string, Task> _fires = new(StringComparer.Ordinal);
    private readonly List<IdleRequest> _idleRequests = [];
    private readonly CancellationTokenSource _fireCancellation = new();
    private readonly CancellationTokenSource _heartbeatStop = new();
    private readonly FireGate _gate = new();
    private int _resync;
    private bool _resyncing;
    private long _resyncReadAfter;
    private DateTimeOffset _resyncStartedAt;
    private DateTimeOffset _nextResyncAt = DateTimeOffset.MinValue;
    private long _nextWakeTicks = long.MaxValue;
    private int _knownTasks;
    private int _resyncsCompleted;
    private ITimer? _wakeTimer;
    private DateTimeOffset? _wakeArmedFor;
    private bool _resyncAgain;

    /// <summary>The claimant this instance writes into claims.</summary>
    public string InstanceId { get; } = string.IsNullOrWhiteSpace(options.Value.InstanceId) ? NewInstanceId() : options.Value.InstanceId;

    /// <summary>The earliest wake time of any task in memory (not counting resyncs); for tests that step a fake clock.</summary>
    public DateTimeOffset? NextWakeAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _nextWakeTicks);
            return ticks == long.MaxValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Tasks held in memory, as of the loop's last pass (diagnostics and the load harness).</summary>
    public int KnownTasks => Volatile.Read(ref _knownTasks);

    /// <summary>Complete reads of the index so far; the first one is the load at start.</summary>
    public int ResyncsCompleted => Volatile.Read(ref _resyncsCompleted);

    /// <summary>
    /// Completes once the dispatcher has looked at everything due at the current time (of its clock) and has nothing
    /// in progress: no fire, no index read, no unread notice. Tests step a fake clock with it.
    /// </summary>
    public Task WaitForIdleAsync(CancellationToken cancellationToken = default)
    {
        var request = new IdleRequest(time.GetUtcNow(), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        inbox.Post(request);
        return request.Done.Task.WaitAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _wakeTimer?.Dispose();
        _fireCancellation.Dispose();
        _heartbeatStop.Dispose();
        _heartbeat?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarting(InstanceId, _options.ResyncInterval, _options.MaxConcurrentFires);
        _wakeTimer = time.CreateTimer(_ => inbox.Post(WakeUp.Instance), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _heartbeat = new HostHeartbeat(hosts, InstanceId, _options.HostTimeout, time, loggers.CreateLogger<HostHeartbeat>());
        var heartbeats = RunHeartbeatsAsync(_heartbeatStop.Token);
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: fall through to the drain.
        }
        finally
        {
            await DrainAsync(heartbeats);
            foreach (var request in _idleRequests)
            {
                request.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            while (inbox.Reader.TryRead(out var message))
            {
                Apply(message);
            }

            var now = time.GetUtcNow();
            if (!_resyncing && now >= _nextResyncAt)
            {
                StartResync(stoppingToken);
            }

            Dispatch(now);
            PublishNextWake();
            ReleaseIdleRequests(now);
            await WaitAsync(now, stoppingToken);
        }
    }

    private void Dispatch(DateTimeOffset now)
    {
        // Until this instance's heartbeat is stored, nobody could tell that it died: it claims nothing.
        while (Heartbeat.Registered && _fires.Count < _options.MaxConcurrentFires && _schedule.TryTakeDue(now, out var slot))
        {
            slot.Running = true;
            var reread = slot.NeedsRead;
            slot.NeedsRead = false;
            _fires[slot.Id] = FireAsync(slot.Task, reread, _fireCancellation.Token);
        }
    }

    // Runs on the thread pool; reports back through the inbox and never throws.
    private async Task FireAsync(StoredTask known, bool reread, CancellationToken cancellationToken)
    {
        await Task.Yield();
        StoredTask? after = known;
        DateTimeOffset? wakeAt = null;
        var failed = false;
        try
        {
            var task = reread ? await store.GetAsync(known.Group, known.Id, cancellationToken) : known;
            after = task;
            if (task is not null)
            {
                var outcome = await executor.RunDueAsync(task, ClaimFor(task), _gate, cancellationToken);
                after = outcome.Task;
                wakeAt = outcome.WakeAt;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled at the end of the shutdown grace: the claim lapses and another instance takes it over.
            failed = true;
            LogFireCancelled(known.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage unreachable, say: the task is tried again after a back-off, from a fresh read. The loop must
            // survive; the error is logged, not hidden.
            failed = true;
            LogFireFailed(ex, known.Id, _options.FailureBackoff);
        }
        finally
        {
            inbox.Post(new FireCompleted(known.Id, after, wakeAt, failed, inbox.NextSequence()));
        }
    }

    private ClaimRequest ClaimFor(StoredTask task)
    {
        // Planning once more, without writing, tells how many occurrences the claim will cover and so how long
        // it must hold; the planner is pure and cheap next to a storage write.
        var probe = Claim(_options.ClaimLease);
        var due = TaskPlanner.Plan(task.Definition, task.State, time.GetUtcNow(), probe).Due.Count;
        return Claim(ClaimLeases.For(task.Definition.Target, due, _options.ClaimLease));
    }

    private async Task WaitAsync(DateTimeOffset now, CancellationToken stoppingToken)
    {
        var wakeAt = Heartbeat.Registered && _fires.Count < _options.MaxConcurrentFires ? _schedule.Earliest() : null;
        if (!_resyncing && (wakeAt is null || _nextResyncAt < wakeAt))
        {
            wakeAt = _nextResyncAt;
        }

        if (wakeAt is { } due && due <= now)
        {
            return;
        }

        // One timer for the life of the loop, moved only when the wake time changes: at hundreds of fires a second a
        // fresh delay, linked token and WhenAny per pass showed in the host's CPU profile (docs/standalone.md).
        if (wakeAt != _wakeArmedFor)
        {
            var delay = wakeAt is { } at ? Min(at - now, MaxTimerDelay) : Timeout.InfiniteTimeSpan;
            _wakeTimer!.Change(delay, Timeout.InfiniteTimeSpan);
            _wakeArmedFor = wakeAt;
        }

        await inbox.Reader.WaitToReadAsync(stoppingToken);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // Stops without stranding claims: fires about to invoke hand their claims back, other instances are told to
    // look (the stopping heartbeat), fires under way finish within the grace, and the last heartbeat says stopped,
    // which frees whatever is still claimed (fires cancelled at the end of the grace) at once.
    private async Task DrainAsync(Task heartbeats)
    {
        var deadline = time.GetUtcNow() + _options.ShutdownGrace;
        Volatile.Write(ref _stopping, true);
        await WaitUntilAsync(_gate.CloseAsync(), deadline);
        if (Heartbeat.Registered)
        {
            await Heartbeat.BeatAsync(HostStatus.Stopping);
        }

        if (_fires.Count > 0)
        {
            LogDraining(_fires.Count, _options.ShutdownGrace);
            var all = Task.WhenAll(_fires.Values);
            if (!await WaitUntilAsync(all, deadline))
            {
                LogDrainTimedOut(_fires.Values.Count(f => !f.IsCompleted));
                await _fireCancellation.CancelAsync();
                await all;
            }
        }

        // Completions still in the inbox carry nothing a stopped dispatcher needs.
        while (inbox.Reader.TryRead(out var message))
        {
            if (message is IdleRequest request)
            {
                _idleRequests.Add(request);
            }
        }

        await _heartbeatStop.CancelAsync();
        await heartbeats;
        if (Heartbeat.Registered)
        {
            await Heartbeat.StopAsync();
        }

        // This process no longer schedules anything: another instance has them now.
        metrics.AddActiveTasks(-_schedule.Slots.Count(s => s.CountedActive));
        LogStopped(InstanceId);
    }

    private async Task<bool> WaitUntilAsync(Task task, DateTimeOffset deadline)
    {
        var left = deadline - time.GetUtcNow();
        try
        {
            await task.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, time);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void PublishNextWake()
    {
        var next = _schedule.Earliest();
        Interlocked.Exchange(ref _nextWakeTicks, next?.UtcTicks ?? long.MaxValue);
        Volatile.Write(ref _knownTasks, _schedule.Count);
    }

    private void ReleaseIdleRequests(DateTimeOffset now)
    {
        if (_idleRequests.Count == 0 || _fires.Count > 0 || _resyncing || now >= _nextResyncAt
            || _schedule.Earliest() <= now || inbox.Reader.Count > 0)
        {
            return;
        }

        _idleRequests.RemoveAll(request =>
        {
            if (request.At > now)
            {
                return false;
            }

            request.Done.TrySetResult();
            return true;
        });
    }

    // Also the row key of the heartbeat: characters a row key refuses ('/', '#', '?', ...) become '-'.
    private static string NewInstanceId()
    {
        var machine = new string([.. Environment.MachineName.Take(64).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-')]);
        return $"{(machine.Length > 0 && char.IsAsciiLetterOrDigit(machine[0]) ? machine : "host" + machine)}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
    }
}
