using System.Collections.Frozen;
using FunctionScheduler.Core.Liveness;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;

namespace FunctionScheduler.Standalone.Dispatching;

// Liveness: this instance's heartbeat, and what it learns of the others'. Claims name their instance and are never
// rewritten to stay alive; an instance found gone (stopped, or its heartbeat unchanged for HostTimeout) has its
// claims taken over at once: tasks in memory holding them are planned now, and the index is read again for the
// ones this instance does not know about.
internal sealed partial class TaskDispatcher
{
    // While storage does not answer, failed fires and index reads wait for the heartbeat to get through rather
    // than each retrying on its own: a recovering service then meets a handful of requests, not a backlog of
    // abandoned ones, and fires resume as soon as one beat succeeds. The long wait is only a fallback.
    private static readonly TimeSpan RetryWhileStorageDown = TimeSpan.FromSeconds(30);

    private HostHeartbeat? _heartbeat;
    private IReadOnlySet<string> _dead = FrozenSet<string>.Empty;
    private bool _stopping;
    private bool _storageDown;

    private TimeSpan RetryAfterFailure => _storageDown ? RetryWhileStorageDown : _options.FailureBackoff;

    private HostHeartbeat Heartbeat => _heartbeat ?? throw new InvalidOperationException("The dispatcher has not started.");

    // Read by fires on the thread pool, written by the loop: an immutable set swapped whole.
    private IReadOnlySet<string> Dead => Volatile.Read(ref _dead);

    private ClaimRequest Claim(TimeSpan lease) => new(InstanceId, lease) { DeadClaimants = Dead };

    // Beats every HeartbeatInterval until stopped (the drain beats once more, stopping, then writes the last one).
    // Tells the loop when this instance first registered, when the set of gone instances changed, and when claims
    // may have been freed.
    private async Task RunHeartbeatsAsync(CancellationToken stop)
    {
        await Task.Yield();
        IReadOnlySet<string>? told = null;
        var failing = false;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var change = await Heartbeat.BeatAsync(Volatile.Read(ref _stopping) ? HostStatus.Stopping : HostStatus.Running, stop);
                if (change is null)
                {
                    if (!failing)
                    {
                        inbox.Post(StorageUnreachable.Instance);
                    }
                }
                else if (told is null || failing || change.FreesClaims || !change.Dead.SetEquals(told))
                {
                    told = change.Dead;
                    inbox.Post(new HostsObserved(change));
                }

                failing = change is null;

                await Task.Delay(_options.HeartbeatInterval, time, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by the drain.
        }
    }

    private void ApplyStorageUnreachable()
    {
        _storageDown = true;
        LogStorageDown();
    }

    private void ApplyHosts(HostsObserved observed)
    {
        Volatile.Write(ref _dead, observed.Change.Dead);
        var now = time.GetUtcNow();
        if (_storageDown)
        {
            // A beat got through: everything that failed meanwhile is tried again now.
            _storageDown = false;
            LogStorageBack();
            foreach (var slot in _schedule.Slots.Where(s => s.NeedsRead && !s.Running).ToList())
            {
                _schedule.SetWake(slot, now);
            }

            if (!_resyncing && _nextResyncAt > now)
            {
                _nextResyncAt = now;
            }
        }

        if (!observed.Change.FreesClaims)
        {
            return;
        }

        LogClaimsFreed(observed.Change.NewlyDead.Count, observed.Change.NewlyStopping.Count);
        foreach (var slot in _schedule.Slots.Where(s => !s.Running && HoldsDeadClaim(s.Task)).ToList())
        {
            _schedule.SetWake(slot, now);
        }

        // Read the index again for claims this instance does not hold in memory. Not during the load at start: its
        // pages still to come are planned with the new set, the ones applied were just woken, and a host starting
        // next to old stopped rows would otherwise read a large index twice.
        if (Volatile.Read(ref _resyncsCompleted) == 0)
        {
            return;
        }

        if (_resyncing)
        {
            _resyncAgain = true;
        }
        else
        {
            _nextResyncAt = DateTimeOffset.MinValue;
        }
    }

    private bool HoldsDeadClaim(StoredTask task)
    {
        var dead = Dead;
        return dead.Count > 0 && task.State.InFlight.Any(c => dead.Contains(c.ClaimedBy));
    }

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "{Gone} instances gone and {Stopping} stopping: taking over their claims")]
    private partial void LogClaimsFreed(int gone, int stopping);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Storage does not answer the heartbeat: failed fires wait for it to answer again")]
    private partial void LogStorageDown();

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Storage answers again: failed fires are tried now")]
    private partial void LogStorageBack();
}
