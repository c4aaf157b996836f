namespace FunctionScheduler.Core.Execution;

/// <summary>
/// Lets a runtime stop firing without stranding what it claimed. A fire passes the gate before it claims and
/// again before each invocation: once the gate is closed it claims nothing, and hands back the occurrences it
/// claimed but has not started (their claims lapse at once, so another runtime fires them). Thread-safe.
/// </summary>
public sealed class FireGate
{
    private readonly Lock _lock = new();
    private int _deciding;
    private bool _closed;
    private TaskCompletionSource? _settled;

    /// <summary>True once <see cref="CloseAsync"/> was called.</summary>
    public bool IsClosed
    {
        get
        {
            lock (_lock)
            {
                return _closed;
            }
        }
    }

    /// <summary>
    /// Closes the gate. Completes when no fire is between the start of its claim and its first invocation (or its
    /// hand-back): from then on, every claim this runtime will not start has been handed back, except occurrences
    /// claimed together behind one whose invocation is under way (handed back when it ends).
    /// </summary>
    public Task CloseAsync()
    {
        lock (_lock)
        {
            _closed = true;
            if (_deciding == 0)
            {
                return Task.CompletedTask;
            }

            _settled ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _settled.Task;
        }
    }

    /// <summary>A fire is about to claim; false when the gate is closed (claim nothing).</summary>
    internal bool TryEnter()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return false;
            }

            _deciding++;
            return true;
        }
    }

    /// <summary>The fire has started invoking, handed back its claims, or ended.</summary>
    internal void Leave()
    {
        lock (_lock)
        {
            _deciding--;
            if (_closed && _deciding == 0)
            {
                _settled?.TrySetResult();
            }
        }
    }
}
