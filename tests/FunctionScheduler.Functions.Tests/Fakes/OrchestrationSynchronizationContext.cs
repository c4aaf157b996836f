using System.Collections.Concurrent;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>
/// The single thread an orchestrator runs on, as in Durable: every continuation of the orchestrator is posted here
/// and runs only when the driver drains the queue, so an orchestration advances in discrete, deterministic steps.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _work = new();

    public override void Post(SendOrPostCallback d, object? state) => _work.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("An orchestrator never blocks on its own thread.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs everything posted so far (and whatever that posts); returns how many callbacks ran.</summary>
    public int Drain()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        var count = 0;
        try
        {
            while (_work.TryDequeue(out var item))
            {
                item.Callback(item.State);
                count++;
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }

        return count;
    }
}
