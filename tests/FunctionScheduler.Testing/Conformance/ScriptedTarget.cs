using System.Collections.Concurrent;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;

namespace FunctionScheduler.Testing.Conformance;

/// <summary>
/// The target of every conformance task: answers with the status and body the scenario set last, judged by the task's
/// own success check through the core's evaluator, and records each call with the clock's time. Failure action
/// notifications come through it too (they go through the same invoker) and are recorded apart, answered with
/// <see cref="NotifyStatus"/>. It replaces the HTTP invoker only; the real invoker has its own tests against Kestrel.
/// </summary>
public sealed class ScriptedTarget(TimeProvider clock) : ITargetInvoker
{
    private readonly ConcurrentQueue<DeliveredFire> _fires = new();
    private readonly ConcurrentQueue<DeliveredNotification> _notifications = new();
    private TaskCompletionSource? _hold;

    /// <summary>The status the next calls answer with.</summary>
    public int Status { get; set; } = 200;

    /// <summary>The body the next calls answer with.</summary>
    public string? Body { get; set; }

    /// <summary>The status the failure action's receiver answers with.</summary>
    public int NotifyStatus { get; set; } = 200;

    public IReadOnlyList<DeliveredFire> Fires => [.. _fires];

    public IReadOnlyList<DeliveredNotification> Notifications => [.. _notifications];

    /// <summary>
    /// From now on a fire's call hangs (after it is recorded as delivered) until <see cref="Release"/>: a runtime stuck
    /// mid-fire. Notifications still answer.
    /// </summary>
    public void Hold() => Interlocked.CompareExchange(ref _hold, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), null);

    /// <summary>Lets the calls held since <see cref="Hold"/> answer, and stops holding.</summary>
    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    public async Task<InvocationResult> InvokeAsync(TargetInvocation invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var now = clock.GetUtcNow();
        if (invocation.Event is { } notificationEvent)
        {
            _notifications.Enqueue(new DeliveredNotification(invocation.TaskId, invocation.RunId, notificationEvent, invocation.Target.Body ?? "", now));
            return Answer(now, NotifyStatus, body: null, ResponseCheck.Default);
        }

        _fires.Enqueue(new DeliveredFire(invocation.TaskId, invocation.RunId, invocation.Occurrence, now));
        if (Volatile.Read(ref _hold) is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
            now = clock.GetUtcNow();
        }

        return Answer(now, Status, Body, invocation.Target.Success);
    }

    private static InvocationResult Answer(DateTimeOffset now, int status, string? body, ResponseCheck check)
    {
        var failure = !check.Accepts(status) ? $"HTTP {status}" : BodyCheckEvaluator.Failure(check, body, complete: true);
        return new InvocationResult
        {
            Status = failure is null ? RunStatus.Succeeded : RunStatus.Failed,
            StartedAt = now,
            CompletedAt = now,
            Attempts = 1,
            HttpStatus = status,
            ErrorClass = failure is null ? RunErrorClass.None : check.Accepts(status) ? RunErrorClass.Assertion : RunErrorClass.HttpStatus,
            Error = failure,
        };
    }
}

/// <summary>One call that reached the scripted target.</summary>
public sealed record DeliveredFire(string TaskId, string RunId, Occurrence Occurrence, DateTimeOffset DeliveredAt);

/// <summary>One failure action notification that reached the scripted target, with its JSON body.</summary>
public sealed record DeliveredNotification(string TaskId, string Id, NotificationEvent Event, string Body, DateTimeOffset DeliveredAt);
