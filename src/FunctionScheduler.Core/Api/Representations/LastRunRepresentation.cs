using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Api.Representations;

/// <summary>The "state.lastRun" object: the latest recorded run in brief.</summary>
public sealed record LastRunRepresentation
{
    public required string RunId { get; init; }

    public required DateTimeOffset ScheduledAt { get; init; }

    public required RunStatus Status { get; init; }

    public int? HttpStatus { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The representation of <paramref name="lastRun"/>.</summary>
    public static LastRunRepresentation From(LastRunSummary lastRun)
    {
        ArgumentNullException.ThrowIfNull(lastRun);
        return new LastRunRepresentation
        {
            RunId = lastRun.RunId,
            ScheduledAt = lastRun.ScheduledAt,
            Status = lastRun.Status,
            HttpStatus = lastRun.HttpStatus,
            CompletedAt = lastRun.CompletedAt,
        };
    }
}
