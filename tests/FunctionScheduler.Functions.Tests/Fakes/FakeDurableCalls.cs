using Microsoft.DurableTask;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>An activity call the orchestrator is waiting for.</summary>
internal interface IActivityCall
{
    string Name { get; }

    string? InputJson { get; }

    TaskOptions? Options { get; }

    void Complete(string? resultJson);

    void Fail(Exception exception);
}

internal sealed class ActivityCall<TResult>(string name, string? inputJson, TaskOptions? options, int taskId) : IActivityCall
{
    // Continuations run inline when the driver completes the call, and post themselves to the orchestration's
    // synchronization context from there; asynchronous continuations would race the driver.
    private readonly TaskCompletionSource<TResult> _result = new();

    public string Name => name;

    public string? InputJson => inputJson;

    public TaskOptions? Options => options;

    public Task<TResult> Task => _result.Task;

    public void Complete(string? resultJson) => _result.TrySetResult(DurableJson.Deserialize<TResult>(resultJson)!);

    public void Fail(Exception exception) => _result.TrySetException(new TaskFailedException(name, taskId, exception));
}

/// <summary>A durable timer: fires when the driver's clock reaches it, or is cancelled by the orchestrator.</summary>
internal sealed class FakeTimer(DateTime fireAt)
{
    private readonly TaskCompletionSource _fired = new();

    public DateTime FireAt => fireAt;

    public Task Task => _fired.Task;

    public void Fire() => _fired.TrySetResult();

    public void Cancel() => _fired.TrySetCanceled();
}

/// <summary>An orchestrator waiting for an external event.</summary>
internal interface IEventWaiter
{
    string Name { get; }

    void Complete(string? payloadJson);

    void Cancel();
}

internal sealed class EventWaiter<T>(string name) : IEventWaiter
{
    private readonly TaskCompletionSource<T> _received = new();

    public string Name => name;

    public Task<T> Task => _received.Task;

    public void Complete(string? payloadJson) => _received.TrySetResult(DurableJson.Deserialize<T>(payloadJson)!);

    public void Cancel() => _received.TrySetCanceled();
}
