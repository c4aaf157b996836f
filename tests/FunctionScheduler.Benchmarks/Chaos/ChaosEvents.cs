using FunctionScheduler.Benchmarks.Load;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Benchmarks.Chaos;

/// <summary>A kill -9 of one host: what it held claimed at that moment, and when each claim was taken over.</summary>
internal sealed record KillEvent(int Number, DateTimeOffset At, int Slot, string HostId, IReadOnlyList<HeldClaim>? Stranded, IReadOnlyList<TimeSpan?> FreedAfter);

/// <summary>A graceful stop (SIGTERM) of one host: how long it took, what it still held claimed at its exit, and when those went.</summary>
internal sealed record StopEvent(int Slot, string HostId, DateTimeOffset SignalledAt, TimeSpan Took, bool Clean, IReadOnlyList<HeldClaim>? LeftAtExit, IReadOnlyList<TimeSpan?> FreedAfter);

/// <summary>Azurite stopped and continued, and the API calls made meanwhile.</summary>
internal sealed record PauseEvent(DateTimeOffset StoppedAt, DateTimeOffset ContinuedAt, IReadOnlyList<ProbeResult> Probes);

/// <summary>Everything one run saw, for the report.</summary>
internal sealed record ChaosObservations
{
    public required ChaosOptions Options { get; init; }

    public required string HostDll { get; init; }

    public required IReadOnlyList<ScheduledTask> Tasks { get; init; }

    public required IReadOnlyList<ReceivedFire> Fires { get; init; }

    /// <summary>Occurrences scheduled in [WindowFrom, WindowTo] are expected to have been delivered.</summary>
    public required DateTimeOffset WindowFrom { get; init; }

    public required DateTimeOffset WindowTo { get; init; }

    public required IReadOnlyList<KillEvent> Kills { get; init; }

    public required IReadOnlyList<StopEvent> Stops { get; init; }

    public (DateTimeOffset From, DateTimeOffset To)? Rolling { get; init; }

    public PauseEvent? Pause { get; init; }

    /// <summary>Why the occurrences that were never delivered were not, as the index said at the end (reason, count).</summary>
    public IReadOnlyDictionary<string, int> MissingReasons { get; init; } = new Dictionary<string, int>();

    public required string LoadBefore { get; init; }

    public required string LoadAfter { get; init; }
}
