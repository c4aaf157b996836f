namespace FunctionScheduler.Core.Model;

/// <summary>The few facts about the latest run that listings show without reading run history.</summary>
public sealed record LastRunSummary(
    string RunId,
    DateTimeOffset ScheduledAt,
    RunStatus Status,
    int? HttpStatus,
    DateTimeOffset? CompletedAt);
