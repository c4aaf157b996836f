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
    private HostHeartbeat? _heartbeat;
    private IReadOnlySet<string> _dead = FrozenSet<string>.Empty;
    private bool _stopping;

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
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var change = await Heartbeat.BeatAsync(Volatile.Read(ref _stopping) ? HostStatus.Stopping : HostStatus.Running, stop);
                if (change is not null && (told is null || change.FreesClaims || !change.Dead.SetEquals(told)))
                {
                    told = change.Dead;
                    inbox.Post(new HostsObserved(change));
                }

                await Task.Delay(_options.HeartbeatInterval, time, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by the drain.
        }
    }

    private void ApplyHosts(HostsObserved observed)
    {
        Volatile.Write(ref _dead, observed.Change.Dead);
        if (!observed.Change.FreesClaims)
        {
            return;
        }

        LogClaimsFreed(observed.Change.NewlyDead.Count, observed.Change.NewlyStopping.Count);
        var now = time.GetUtcNow();
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
}
