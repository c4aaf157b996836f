namespace FunctionScheduler.Functions.Tests.EngineConformance;

/// <summary>
/// The app's clock under a scenario on the real engine: the real clock, except inside a REST step, which reads the
/// step's own instant. A scenario's REST step happens at an instant (a run-now's scheduledAt, an interval's anchor
/// and a replace's generation are that instant), and the runtime sends it as soon as real time has reached it, a
/// little after; inside the request the API reads exactly the instant the scenario names. The instant flows with
/// the request only (an async local), so the orchestrator, its timers and the activities keep the real clock, and
/// the pinned instant is never ahead of it: nothing can fire early because of it.
/// </summary>
internal sealed class StepClock : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> _step = new();

    public override DateTimeOffset GetUtcNow() => _step.Value ?? System.GetUtcNow();

    /// <summary>Reads <paramref name="instant"/> in this async flow until disposed; it must not be in the future.</summary>
    public IDisposable At(DateTimeOffset instant)
    {
        if (instant > System.GetUtcNow())
        {
            throw new InvalidOperationException($"A step at {instant:O} is still in the future.");
        }

        _step.Value = instant;
        return new Scope(this);
    }

    private sealed class Scope(StepClock owner) : IDisposable
    {
        public void Dispose() => owner._step.Value = null;
    }
}
