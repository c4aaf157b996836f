using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Storage;

namespace FunctionScheduler.Standalone.Dispatching;

// How the loop folds what it learns into the in-memory schedule. The snapshot it keeps of each task is trusted
// only as far as its source allows: a notice or a fire completion is newer than any index page read before it
// (the change sequence tells), and a task that changed while it was firing is read again before it is planned.
internal sealed partial class TaskDispatcher
{
    private void Apply(DispatchMessage message)
    {
        switch (message)
        {
            case TaskChanged changed:
                ApplyChange(changed);
                break;
            case FireCompleted completed:
                ApplyCompletion(completed);
                break;
            case IndexPage page:
                ApplyPage(page);
                break;
            case IdleRequest request:
                _idleRequests.Add(request);
                break;
            case HostsObserved observed:
                ApplyHosts(observed);
                break;
            case StorageUnreachable:
                ApplyStorageUnreachable();
                break;
            case WakeUp:
                _wakeArmedFor = null; // the timer is spent (or went off early): the next pass arms it again
                break;
            default:
                throw new InvalidOperationException($"Unknown dispatcher message {message.GetType().Name}.");
        }
    }

    private void ApplyChange(TaskChanged changed)
    {
        var exists = _schedule.TryGet(changed.Task.Id, out var slot);
        if (exists && slot.Running)
        {
            slot.Pending = changed.Change == TaskChange.Deleted ? TaskChangeWhileRunning.Deleted : TaskChangeWhileRunning.Changed;
            slot.FreshAt = changed.Sequence;
            return;
        }

        if (changed.Change == TaskChange.Deleted)
        {
            if (exists)
            {
                RemoveSlot(slot);
            }

            return;
        }

        slot = exists ? slot : AddSlot(changed.Task);
        SetTask(slot, changed.Task);
        slot.NeedsRead = false;
        slot.FreshAt = changed.Sequence;

        // The fire path plans and claims: nothing due costs no write, and a run-now fires at once.
        _schedule.SetWake(slot, time.GetUtcNow());
    }

    private void ApplyCompletion(FireCompleted completed)
    {
        _fires.Remove(completed.TaskId);
        if (!_schedule.TryGet(completed.TaskId, out var slot))
        {
            return;
        }

        slot.Running = false;
        var pending = slot.Pending;
        slot.Pending = TaskChangeWhileRunning.None;
        slot.FreshAt = Math.Max(slot.FreshAt, completed.Sequence);
        if (pending == TaskChangeWhileRunning.Deleted || (completed.Task is null && !completed.Failed))
        {
            RemoveSlot(slot);
            return;
        }

        if (completed.Task is not null)
        {
            SetTask(slot, completed.Task);
        }

        var now = time.GetUtcNow();
        if (pending == TaskChangeWhileRunning.Changed)
        {
            slot.NeedsRead = true;
            _schedule.SetWake(slot, now);
        }
        else if (completed.Failed)
        {
            slot.NeedsRead = true;
            _schedule.SetWake(slot, now + RetryAfterFailure);
        }
        else
        {
            // The claim was planned before an instance was found gone: its claims are free now.
            _schedule.SetWake(slot, HoldsDeadClaim(slot.Task) ? now : completed.WakeAt);
        }
    }

    private void ApplyPage(IndexPage page)
    {
        if (page.Resync != _resync)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var task in page.Tasks)
        {
            if (!_schedule.TryGet(task.Id, out var slot))
            {
                slot = AddSlot(task);
                slot.SeenInResync = page.Resync;
                _schedule.SetWake(slot, WakeFor(task, now));
                continue;
            }

            slot.SeenInResync = page.Resync;

            // A fire in progress, or a write this instance made or heard of after the page was read, is newer.
            if (slot.Running || slot.FreshAt > page.ReadAfter || slot.Task.Version == task.Version)
            {
                continue;
            }

            SetTask(slot, task);
            slot.NeedsRead = false;
            _schedule.SetWake(slot, WakeFor(task, now));
        }

        if (page.Last)
        {
            FinishResync(page, now);
        }
    }

    private void FinishResync(IndexPage page, DateTimeOffset now)
    {
        _resyncing = false;
        if (page.Failed)
        {
            _nextResyncAt = now + RetryAfterFailure;
            return;
        }

        // Gone from the index and not written by this instance since the listing began: deleted elsewhere.
        var gone = _schedule.Slots
            .Where(s => s.SeenInResync != page.Resync && !s.Running && s.FreshAt <= _resyncReadAfter)
            .ToList();
        foreach (var slot in gone)
        {
            RemoveSlot(slot);
        }

        // A large index takes long to read: resyncing at most half of the time leaves storage to the fires.
        var took = now - _resyncStartedAt;
        _nextResyncAt = now + (took > _options.ResyncInterval ? took : _options.ResyncInterval);
        if (_resyncAgain)
        {
            // Claims were freed while this read was under way: read again for the ones it may have missed.
            _resyncAgain = false;
            _nextResyncAt = now;
        }

        Interlocked.Increment(ref _resyncsCompleted);
        LogResynced(page.Resync, _schedule.Count, gone.Count, took);
    }

    private void StartResync(CancellationToken stoppingToken)
    {
        _resyncing = true;
        _resyncStartedAt = time.GetUtcNow();
        _resync++;
        _resyncReadAfter = inbox.CurrentSequence;
        _ = ListIndexAsync(_resync, stoppingToken);
    }

    // Runs on the thread pool; posts each page to the loop as it arrives, so a large index is dispatched from
    // while it is still loading.
    private async Task ListIndexAsync(int resync, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var pageSize = resync == 1 ? _options.LoadPageSize : _options.ResyncPageSize;
        string? token = null;
        do
        {
            var readAfter = inbox.CurrentSequence;
            TaskPage page;
            try
            {
                page = await store.ListAsync(new TaskQuery(PageSize: pageSize, ContinuationToken: token), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogResyncFailed(ex, _options.FailureBackoff);
                inbox.Post(new IndexPage(resync, [], readAfter, Last: true, Failed: true));
                return;
            }

            token = page.ContinuationToken;

            // The overdue check (docs/semantics.md §10) sees each task as the page read it; the page goes on as checked.
            IReadOnlyList<StoredTask> items;
            try
            {
                items = await overdue.CheckAsync(page.Items, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            inbox.Post(new IndexPage(resync, items, readAfter, Last: token is null, Failed: false));
        }
        while (token is not null);
    }

    private TaskSlot AddSlot(StoredTask task)
    {
        var slot = _schedule.Add(task);
        CountActive(slot);
        return slot;
    }

    private void SetTask(TaskSlot slot, StoredTask task)
    {
        slot.Task = task;
        CountActive(slot);
    }

    private void RemoveSlot(TaskSlot slot)
    {
        _schedule.Remove(slot);
        if (slot.CountedActive)
        {
            slot.CountedActive = false;
            metrics.AddActiveTasks(-1);
        }
    }

    // Keeps the active-tasks metric equal to the active tasks this process holds.
    private void CountActive(TaskSlot slot)
    {
        var active = slot.Task.State.Lifecycle == TaskLifecycle.Active;
        if (active != slot.CountedActive)
        {
            slot.CountedActive = active;
            metrics.AddActiveTasks(active ? 1 : -1);
        }
    }

    // What the fire path would decide, without writing: now if a claim would write anything (something due, a
    // misfire to record, a completion), else the planner's next wake.
    private DateTimeOffset? WakeFor(StoredTask task, DateTimeOffset now)
    {
        var decision = TaskPlanner.Plan(task.Definition, task.State, now, Claim(_options.ClaimLease));
        return decision.NextState != task.State ? now : decision.WakeAt;
    }
}
