using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Core.Describing;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Api;

/// <summary>
/// The preview routes, for both hosts: <c>POST /api/schedules/preview</c> (a schedule that is not stored yet, as a
/// form shows it while it is typed) and <c>GET /api/tasks/{id}/occurrences</c> (a stored task's next occurrences).
/// Occurrences come from the planner's own calendar (<see cref="ScheduleCalendar"/>), so a preview never disagrees
/// with what fires. Reads only; nothing is stored.
/// </summary>
public sealed class SchedulePreviews(ITaskStore store, TimeProvider time)
{
    /// <summary>Route of the schedule preview.</summary>
    public const string PreviewPath = "/api/schedules/preview";

    // Previews of schedules that are not stored use this id, which matters only for jitter.
    private const string PreviewTaskId = "preview";

    private static readonly HttpTarget NoTarget = new() { Url = new Uri("https://preview.invalid/") };

    /// <summary>
    /// POST /api/schedules/preview: 200 with the schedule in words and its next occurrences as a task created at
    /// <c>after</c> (default now) would have them; 400 with the task's pointers for a bad schedule.
    /// </summary>
    public ApiResponse Preview(ReadOnlyMemory<byte> body)
    {
        var read = SchedulePreviewReader.Read(body.Span);
        if (!read.IsValid)
        {
            return Problems.Validation(read.Errors);
        }

        var query = read.Value;
        var after = query.After ?? time.GetUtcNow();
        var task = new ScheduledTask { Id = query.Id ?? PreviewTaskId, Schedule = query.Schedule, Target = NoTarget };
        return new ApiResponse(200, Represent(task, TaskRunState.New(after), after, query.Count));
    }

    /// <summary>
    /// GET /api/tasks/{id}/occurrences?count=: 200 with the task's next occurrences from now, as its state stands
    /// (cursor, generation, runs left); none for a completed task; a paused task's are those it would have if resumed
    /// now. 404 when absent.
    /// </summary>
    public async Task<ApiResponse> ForTaskAsync(string id, string? count, CancellationToken cancellationToken = default)
    {
        if (SchedulePreviewReader.ReadCount(count, out var error) is not { } wanted)
        {
            return Problems.Validation([error!]);
        }

        var stored = TaskId.IsValid(id) ? await store.GetAsync(id, cancellationToken) : null;
        if (stored is null)
        {
            return Problems.TaskNotFound(id);
        }

        var shown = stored.State.Lifecycle == TaskLifecycle.Completed ? 0 : wanted;
        return new ApiResponse(200, Represent(stored.Definition, stored.State, time.GetUtcNow(), shown));
    }

    private static SchedulePreviewRepresentation Represent(ScheduledTask task, TaskRunState state, DateTimeOffset after, int count)
    {
        // maxRuns counts scheduled fires of the generation: only the runs it has left can be listed.
        var runsLeft = task.Schedule.MaxRuns is { } max ? Math.Max(0, max - state.FireCount) : int.MaxValue;
        var notes = new OccurrenceNotes(task.Schedule);
        var occurrences = ScheduleCalendar.Upcoming(task, state, after, Math.Min(count, runsLeft));
        return new SchedulePreviewRepresentation
        {
            ScheduleText = ScheduleText.Describe(task.Schedule),
            TimeZone = notes.ZoneId,
            Occurrences = [.. occurrences.Select(o => new OccurrencePreviewRepresentation
            {
                ScheduledAt = o.ScheduledAt,
                FireAt = o.FireAt,
                Local = notes.Local(o.ScheduledAt),
                Note = notes.NoteFor(o.ScheduledAt),
            })],
        };
    }
}
