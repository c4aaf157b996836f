namespace FunctionScheduler.Contracts;

/// <summary>
/// The answer of a schedule preview (<c>POST /api/schedules/preview</c>) or a task's upcoming occurrences
/// (<c>GET /api/tasks/{id}/occurrences</c>): the schedule in words and its next occurrences.
/// </summary>
public sealed record SchedulePreviewRepresentation
{
    /// <summary>The schedule in words, as a task's <c>scheduleText</c> says it.</summary>
    public required string ScheduleText { get; init; }

    /// <summary>The zone local times are given in: the cron's zone, UTC for intervals and one-offs.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The next occurrences, oldest first; fewer than asked when the schedule ends sooner.</summary>
    public required IReadOnlyList<OccurrencePreviewRepresentation> Occurrences { get; init; }
}
