namespace FunctionScheduler.Contracts;

/// <summary>
/// The request body of <c>POST /api/schedules/preview</c>: a schedule in a task's JSON shape, so that its problems
/// carry the same pointers (<c>/schedule/cron</c>) as a task's.
/// </summary>
public sealed record SchedulePreviewRequest
{
    public required ScheduleDefinition Schedule { get; init; }

    /// <summary>How many occurrences, 1 to 100; 10 when null.</summary>
    public int? Count { get; init; }

    /// <summary>Occurrences strictly after this instant; the server's now when null.</summary>
    public DateTimeOffset? After { get; init; }

    /// <summary>A task id, only to compute the jitter that task would get; none when null.</summary>
    public string? Id { get; init; }
}
