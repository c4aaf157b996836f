namespace FunctionScheduler.Contracts;

/// <summary>
/// The "state.runStats" object: what a list shows about a task's runs without reading its history. Kept in the
/// state every fire already writes; counts cover every generation since the task was created.
/// </summary>
public sealed record RunStatisticsRepresentation
{
    /// <summary>Recorded runs, missed records included (a missed record may stand for many occurrences).</summary>
    public required long Total { get; init; }

    public required long Succeeded { get; init; }

    public required long Failed { get; init; }

    /// <summary>Missed records (each may stand for several skipped occurrences).</summary>
    public required long Missed { get; init; }

    /// <summary>Succeeded over succeeded plus failed, from 0 to 1; absent before the first fire.</summary>
    public double? SuccessRate { get; init; }

    /// <summary>The latest runs in the order they were recorded, newest first; at most 20.</summary>
    public required IReadOnlyList<RecentRunRepresentation> Recent { get; init; }
}
