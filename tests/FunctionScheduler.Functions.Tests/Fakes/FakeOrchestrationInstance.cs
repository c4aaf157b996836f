using System.Reflection;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>
/// One orchestration instance in the fake runtime: its status, its buffered events and its current execution.
/// <see cref="StepAsync"/> moves it on by one thing (start, a drained continuation, one activity, the end of an
/// execution) so the runtime can interleave instances the way concurrent workers would.
/// </summary>
internal sealed class FakeOrchestrationInstance(FakeDurableClient runtime, string instanceId, TaskName name, string? inputJson, DateTimeOffset createdAt)
{
    private readonly List<(string Name, string? PayloadJson)> _buffered = [];
    private readonly OrchestrationSynchronizationContext _thread = new();
    private readonly Func<TaskOrchestrationContext, Task> _orchestrator = runtime.OrchestratorNamed(name.Name);
    private FakeOrchestrationContext? _context;
    private Task? _execution;
    private string? _terminateReason;

    public FakeDurableClient Runtime => runtime;

    public string InstanceId => instanceId;

    public TaskName Name => name;

    /// <summary>The input the instance was started with (a duplicate execution starts from it too).</summary>
    public string? StartInputJson { get; } = inputJson;

    public string? InputJson { get; private set; } = inputJson;

    public OrchestrationRuntimeStatus Status { get; private set; } = OrchestrationRuntimeStatus.Pending;

    public string? OutputJson { get; private set; }

    public Exception? Failure { get; private set; }

    /// <summary>Executions started so far: the first run plus one per continue-as-new.</summary>
    public int Executions { get; private set; }

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset LastUpdatedAt { get; private set; } = createdAt;

    public bool IsActive => Status is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;

    public FakeOrchestrationContext? Context => _context;

    public DateTime? EarliestTimer => _context?.Timers.Select(t => (DateTime?)t.FireAt).Min();

    public OrchestrationMetadata Metadata(bool withInputs) => new(name.Name, instanceId)
    {
        RuntimeStatus = Status,
        CreatedAt = CreatedAt,
        LastUpdatedAt = LastUpdatedAt,
        SerializedInput = withInputs ? InputJson : null,
        SerializedOutput = withInputs ? OutputJson : null,
        DataConverter = withInputs ? JsonDataConverter.Default : null,
    };

    public void RaiseEvent(string eventName, string? payloadJson)
    {
        if (!IsActive)
        {
            return; // as in Durable: events for a finished instance are discarded
        }

        if (_context?.TryDeliver(eventName, payloadJson) != true)
        {
            _buffered.Add((eventName, payloadJson));
        }
    }

    public bool TryTakeBufferedEvent(string eventName, out string? payloadJson)
    {
        var index = _buffered.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        payloadJson = index < 0 ? null : _buffered[index].PayloadJson;
        if (index >= 0)
        {
            _buffered.RemoveAt(index);
        }

        return index >= 0;
    }

    /// <summary>Termination is processed at the instance's next step, as the real one is a queued message.</summary>
    public void RequestTerminate(string? reason) => _terminateReason = reason ?? "terminated";

    public int FireTimers(DateTime now) => _context?.FireTimers(now) ?? 0;

    /// <summary>Moves the instance on by one step; false when it is idle (waiting on a timer or an event) or finished.</summary>
    public async Task<bool> StepAsync()
    {
        if (!IsActive)
        {
            return false;
        }

        if (_terminateReason is not null)
        {
            Finish(OrchestrationRuntimeStatus.Terminated, DurableJson.Serialize(_terminateReason));
            return true;
        }

        if (_context is null)
        {
            StartExecution();
            return true;
        }

        var progressed = _thread.Drain() > 0;
        if (_execution!.IsCompleted)
        {
            EndExecution();
            return true;
        }

        if (_context.TryTakeActivity(out var call))
        {
            await RunActivityAsync(call);
            _thread.Drain();
            return true;
        }

        // A timer for an instant that has come (a pass due again at once) fires without the clock moving, as on
        // the real engine.
        if (!progressed && FireTimers(runtime.Clock.GetUtcNow().UtcDateTime) > 0)
        {
            _thread.Drain();
            return true;
        }

        return progressed;
    }

    private void StartExecution()
    {
        var context = new FakeOrchestrationContext(this, InputJson);
        _context = context;
        Executions++;
        Status = OrchestrationRuntimeStatus.Running;
        _thread.Post(_ => _execution = _orchestrator(context), null);
        _thread.Drain();
    }

    private void EndExecution()
    {
        var execution = _execution!;
        if (!execution.IsCompletedSuccessfully)
        {
            Failure = execution.Exception?.InnerException ?? new TaskCanceledException(execution);
            Finish(OrchestrationRuntimeStatus.Failed, null);
            return;
        }

        if (_context!.ContinuedAsNew is { } next)
        {
            if (!next.PreserveEvents)
            {
                _buffered.Clear();
            }

            InputJson = next.InputJson;
            StartExecution();
            return;
        }

        Finish(OrchestrationRuntimeStatus.Completed, DurableJson.Serialize(execution.GetType().GetProperty("Result")?.GetValue(execution)));
    }

    private void Finish(OrchestrationRuntimeStatus status, string? outputJson)
    {
        Status = status;
        OutputJson = outputJson;
        LastUpdatedAt = runtime.Clock.GetUtcNow();
        _context = null;
        _execution = null;
        _buffered.Clear();
    }

    private async Task RunActivityAsync(IActivityCall call)
    {
        var attempts = call.Options?.Retry?.Policy?.MaxNumberOfAttempts ?? 1;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                call.Complete(await runtime.RunActivityAsync(call.Name, call.InputJson));
                return;
            }
            catch (Exception ex) when (attempt < attempts)
            {
                runtime.RecordActivityFailure(call.Name, Unwrap(ex));
            }
            catch (Exception ex)
            {
                runtime.RecordActivityFailure(call.Name, Unwrap(ex));
                call.Fail(Unwrap(ex));
                return;
            }
        }
    }

    private static Exception Unwrap(Exception ex) => ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
}
