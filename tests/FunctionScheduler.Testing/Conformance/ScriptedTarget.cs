using System.Collections.Concurrent;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;

namespace FunctionScheduler.Testing.Conformance;

/// <summary>
/// The target of every conformance task: answers with the status the scenario set last and records each call
/// with the clock's time. It replaces the HTTP invoker only; the real invoker has its own tests against Kestrel.
/// </summary>
public sealed class ScriptedTarget(TimeProvider clock) : ITargetInvoker
{
    private readonly ConcurrentQueue<DeliveredFire> _fires = new();

    /// <summary>The status the next calls answer with.</summary>
    public int Status { get; set; } = 200;

    public IReadOnlyList<DeliveredFire> Fires => [.. _fires];

    public Task<InvocationResult> InvokeAsync(TargetInvocation invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var now = clock.GetUtcNow();
        _fires.Enqueue(new DeliveredFire(invocation.TaskId, invocation.RunId, invocation.Occurrence, now));
        var ok = Status is >= 200 and < 300;
        return Task.FromResult(new InvocationResult
        {
            Status = ok ? RunStatus.Succeeded : RunStatus.Failed,
            StartedAt = now,
            CompletedAt = now,
            Attempts = 1,
            HttpStatus = Status,
            ErrorClass = ok ? RunErrorClass.None : RunErrorClass.HttpStatus,
            Error = ok ? null : $"HTTP {Status}",
        });
    }
}

/// <summary>One call that reached the scripted target.</summary>
public sealed record DeliveredFire(string TaskId, string RunId, Occurrence Occurrence, DateTimeOffset DeliveredAt);
