using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>
/// One execution of an orchestration (from its start or a continue-as-new to its end), scripted and deterministic:
/// the clock is the test's fake clock, activities wait for the driver to run them, timers for the driver's clock,
/// events for a raise. Inputs, outputs and payloads pass through JSON as in the real history.
/// </summary>
internal sealed class FakeOrchestrationContext(FakeOrchestrationInstance instance, string? inputJson) : TaskOrchestrationContext
{
    private readonly Queue<IActivityCall> _activities = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<IEventWaiter> _waiters = [];
    private int _taskIds;

    public override TaskName Name => instance.Name;

    public override string InstanceId => instance.InstanceId;

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => instance.Runtime.Clock.GetUtcNow().UtcDateTime;

    public override bool IsReplaying => false;

    protected override ILoggerFactory LoggerFactory => instance.Runtime.LoggerFactory;

    /// <summary>Set by ContinueAsNew: the next execution's input and whether buffered events carry over.</summary>
    public (string? InputJson, bool PreserveEvents)? ContinuedAsNew { get; private set; }

    public string? CustomStatusJson { get; private set; }

    public IReadOnlyList<FakeTimer> Timers => _timers;

    public int PendingActivityCount => _activities.Count;

    public override T? GetInput<T>() where T : default => DurableJson.Deserialize<T>(inputJson);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var call = new ActivityCall<TResult>(name.Name, DurableJson.Serialize(input), options, ++_taskIds);
        _activities.Enqueue(call);
        return call.Task;
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var timer = new FakeTimer(fireAt);
        _timers.Add(timer);
        cancellationToken.Register(() =>
        {
            _timers.Remove(timer);
            timer.Cancel();
        });
        return timer.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        if (instance.TryTakeBufferedEvent(eventName, out var payload))
        {
            return Task.FromResult(DurableJson.Deserialize<T>(payload)!);
        }

        var waiter = new EventWaiter<T>(eventName);
        _waiters.Add(waiter);
        cancellationToken.Register(() =>
        {
            _waiters.Remove(waiter);
            waiter.Cancel();
        });
        return waiter.Task;
    }

    public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();

    public override void SetCustomStatus(object? customStatus) => CustomStatusJson = DurableJson.Serialize(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        throw new NotSupportedException();

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinuedAsNew = (DurableJson.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid() => instance.Runtime.NewGuid();

    public bool TryTakeActivity(out IActivityCall call) => _activities.TryDequeue(out call!);

    /// <summary>Completes a waiter for the event, if the orchestrator is waiting for it (event names are case-insensitive).</summary>
    public bool TryDeliver(string eventName, string? payloadJson)
    {
        var waiter = _waiters.FirstOrDefault(w => string.Equals(w.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (waiter is null)
        {
            return false;
        }

        _waiters.Remove(waiter);
        waiter.Complete(payloadJson);
        return true;
    }

    /// <summary>Fires the timers due at <paramref name="now"/>; returns how many fired.</summary>
    public int FireTimers(DateTime now)
    {
        var due = _timers.Where(t => t.FireAt <= now).ToList();
        foreach (var timer in due)
        {
            _timers.Remove(timer);
            timer.Fire();
        }

        return due.Count;
    }
}
