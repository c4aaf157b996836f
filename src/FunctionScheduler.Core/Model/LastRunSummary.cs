namespace FunctionScheduler.Core.Model;

/// <summary>The few facts about the latest run that listings show without reading run history.</summary>
public sealed record LastRunSummary(
    string RunId,
    DateTimeOffset ScheduledAt,
    RunStatus Status,
    int? HttpStatus,
    DateTimeOffset? CompletedAt)
{
    /// <summary>From the first attempt's start to the last one's end; null for missed runs and rows stored before it was kept.</summary>
    public TimeSpan? Duration { get; init; }
}
