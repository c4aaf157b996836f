namespace FunctionScheduler.Core.Liveness;

/// <summary>What a host says about itself in its heartbeat.</summary>
public enum HostStatus
{
    /// <summary>Claiming and firing; its claims hold while its heartbeat keeps changing.</summary>
    Running,

    /// <summary>
    /// Shutting down: it claims nothing more, has handed back what it claimed and not started, and finishes the
    /// fires under way (its claims on those still hold). Others read the index again to take the handed-back ones.
    /// </summary>
    Stopping,

    /// <summary>Gone: whatever it still claims is taken over at once.</summary>
    Stopped,
}
