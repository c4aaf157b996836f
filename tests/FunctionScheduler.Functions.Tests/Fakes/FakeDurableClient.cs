using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>
/// A scripted Durable runtime behind the real client API: instances run the app's real orchestrator function and
/// activities (through <see cref="FunctionHost"/>), timers fire on the test's <see cref="FakeTimeProvider"/>, events
/// and terminations are delivered at the instance's next step. Faults can be injected: dropped events, duplicate
/// executions of one instance id, instances that vanish.
/// </summary>
internal sealed class FakeDurableClient(FakeTimeProvider clock, FunctionHost host, ILoggerFactory loggerFactory) : DurableTaskClient("fake")
{
    // Bounds every drive loop: a scenario that does not settle is a bug, not a reason to hang the test run.
    private const int MaxSteps = 200_000;

    private readonly List<FakeOrchestrationInstance> _instances = [];
    private readonly Dictionary<string, Func<TaskOrchestrationContext, Task>> _extraOrchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Activity, Exception Error)> _activityFailures = [];
    private long _guids;

    public FakeTimeProvider Clock => clock;

    public ILoggerFactory LoggerFactory => loggerFactory;

    /// <summary>When set, raised events are lost on the way (counted in <see cref="DroppedEvents"/>).</summary>
    public bool DropEvents { get; set; }

    public int DroppedEvents { get; private set; }

    public int RaisedEvents { get; private set; }

    public int Starts { get; private set; }

    /// <summary>When it answers true for an instance id, starting that instance fails (the task hub refuses it).</summary>
    public Func<string, bool>? RefuseStart { get; set; }

    /// <summary>Called before each activity attempt with the activity's name; throw from it to fail the attempt.</summary>
    public Action<string>? BeforeActivity { get; set; }

    public IReadOnlyList<(string Activity, Exception Error)> ActivityFailures
    {
        get
        {
            lock (_activityFailures)
            {
                return [.. _activityFailures];
            }
        }
    }

    public IReadOnlyList<FakeOrchestrationInstance> Instances => _instances;

    /// <summary>The instance registered under <paramref name="instanceId"/> (the first, if a duplicate execution runs too).</summary>
    public FakeOrchestrationInstance? Find(string instanceId) => _instances.FirstOrDefault(i => i.InstanceId == instanceId);

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instanceId = options?.InstanceId ?? NewGuid().ToString("N");
        if (RefuseStart?.Invoke(instanceId) == true)
        {
            throw new InvalidOperationException($"The task hub refused to start '{instanceId}'.");
        }

        if (Find(instanceId) is { } existing)
        {
            // The extension's default (overridableExistingInstanceStates: NonRunningStates) refuses to replace a running instance.
            if (existing.IsActive)
            {
                throw new InvalidOperationException($"An orchestration with instance id '{instanceId}' already exists and is {existing.Status}.");
            }

            _instances.Remove(existing);
        }

        Starts++;
        _instances.Add(new FakeOrchestrationInstance(this, instanceId, orchestratorName, DurableJson.Serialize(input), clock.GetUtcNow()));
        return Task.FromResult(instanceId);
    }

    /// <summary>A second execution of an existing instance id running side by side (microsoft/durabletask-dotnet#183).</summary>
    public void StartDuplicateExecution(string instanceId)
    {
        var original = Find(instanceId) ?? throw new InvalidOperationException($"No instance '{instanceId}'.");
        _instances.Add(new FakeOrchestrationInstance(this, instanceId, original.Name, original.StartInputJson, clock.GetUtcNow()));
    }

    /// <summary>The instance disappears without a trace, as if its history were deleted by hand.</summary>
    public void Vanish(string instanceId) => _instances.RemoveAll(i => i.InstanceId == instanceId);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        var instance = Find(instanceId) ?? throw new InvalidOperationException($"No instance '{instanceId}'.");
        RaisedEvents++;
        if (DropEvents)
        {
            DroppedEvents++;
            return Task.CompletedTask;
        }

        instance.RaiseEvent(eventName, DurableJson.Serialize(eventPayload));
        return Task.CompletedTask;
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Task.FromResult(Find(instanceId)?.Metadata(getInputsAndOutputs));

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var query = filter ?? new OrchestrationQuery();
        var statuses = query.Statuses?.ToHashSet();
        var matches = _instances
            .Where(i => query.InstanceIdPrefix is null || i.InstanceId.StartsWith(query.InstanceIdPrefix, StringComparison.Ordinal))
            .Where(i => statuses is null || statuses.Contains(i.Status))
            .DistinctBy(i => i.InstanceId)
            .Select(i => i.Metadata(query.FetchInputsAndOutputs))
            .ToList();
        return new FakePageable<OrchestrationMetadata>(matches, query.PageSize);
    }

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var instance = Find(instanceId) ?? throw new InvalidOperationException($"No instance '{instanceId}'.");
        instance.RequestTerminate(options?.Output as string);
        return Task.CompletedTask;
    }

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        // As documented for the real client: only finished instances are purged; otherwise the count is 0.
        var instance = Find(instanceId);
        if (instance is null || instance.IsActive)
        {
            return Task.FromResult(new PurgeResult(0, true));
        }

        _instances.Remove(instance);
        return Task.FromResult(new PurgeResult(1, true));
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Runs every instance until none can move without time passing. Each round steps all instances at once, as
    /// separate workers would: their activities overlap, so two instances of one task really race in the index.
    /// The clock stands still meanwhile, so what the scenarios observe does not depend on the interleaving.
    /// </summary>
    public async Task RunUntilIdleAsync()
    {
        for (var round = 0; round < MaxSteps; round++)
        {
            var steps = await Task.WhenAll(_instances.ToList().Select(instance => instance.StepAsync()));
            if (!steps.Any(progressed => progressed))
            {
                return;
            }
        }

        throw new InvalidOperationException("The orchestrations did not settle: something loops without waiting.");
    }

    /// <summary>Time passes with the runtime up: each timer fires at its time, in order, and the runtime settles after each.</summary>
    public async Task AdvanceToAsync(DateTimeOffset until)
    {
        await RunUntilIdleAsync();
        for (var step = 0; step < MaxSteps; step++)
        {
            var next = _instances.Select(i => i.EarliestTimer).Where(t => t is not null).Min();
            if (next is not { } fireAt || fireAt > until.UtcDateTime)
            {
                break;
            }

            SetClock(new DateTimeOffset(fireAt, TimeSpan.Zero));
            FireDueTimers();
            await RunUntilIdleAsync();
        }

        SetClock(until);
        FireDueTimers();
        await RunUntilIdleAsync();
    }

    /// <summary>The runtime is down until <paramref name="until"/>: nothing runs while the clock jumps; then due timers fire, late.</summary>
    public async Task DownUntilAsync(DateTimeOffset until)
    {
        SetClock(until);
        FireDueTimers();
        await RunUntilIdleAsync();
    }

    /// <summary>Adds an orchestrator the app does not have (an older version, say), so instances of it can exist.</summary>
    public void RegisterOrchestrator(string name, Func<TaskOrchestrationContext, Task> orchestrator) => _extraOrchestrators[name] = orchestrator;

    internal Func<TaskOrchestrationContext, Task> OrchestratorNamed(string name) =>
        _extraOrchestrators.TryGetValue(name, out var orchestrator) ? orchestrator : FunctionHost.Orchestrator(name);

    internal Guid NewGuid() => new(0, 0, 0, BitConverter.GetBytes(Interlocked.Increment(ref _guids)));

    internal Task<string?> RunActivityAsync(string name, string? inputJson)
    {
        BeforeActivity?.Invoke(name);
        return host.RunActivityAsync(name, inputJson);
    }

    internal void RecordActivityFailure(string name, Exception error)
    {
        lock (_activityFailures)
        {
            _activityFailures.Add((name, error));
        }
    }

    private void FireDueTimers()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var instance in _instances.ToList())
        {
            instance.FireTimers(now);
        }
    }

    private void SetClock(DateTimeOffset to)
    {
        if (to > clock.GetUtcNow())
        {
            clock.SetUtcNow(to);
        }
    }
}
