using System.Globalization;
using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Api;

// Backfill: the request is stored in the task's state before the answer, like a run-now, and the runtime that plans
// the task next (whichever it is, after a crash too) fires the window's occurrences from there.
public sealed partial class TasksApi
{
    /// <summary>
    /// POST /api/tasks/{id}/backfill: 202 with the backfill; 400 for a bad window (or one holding more than
    /// <see cref="BackfillState.MaxOccurrences"/> occurrences), 404 for no such task, 409 while another runs.
    /// </summary>
    public async Task<ApiResponse> StartBackfillAsync(string id, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        var read = BackfillReader.Read(body.Span, time.GetUtcNow());
        if (!read.IsValid)
        {
            return Problems.Validation(read.Errors);
        }

        var window = read.Value;
        return await ChangeBackfillAsync(id, TaskChange.BackfillRequested, 202, task =>
        {
            if (task.State.Backfill is { Status: BackfillStatus.Running } running)
            {
                return Problems.Conflict(
                    $"Task '{id}' has a backfill running (from {Iso(running.From)} to {Iso(running.To)}); cancel it (DELETE {BackfillPath(id)}) or wait for it to end.");
            }

            var occurrences = BackfillCalendar.Count(task.Definition, task.State, window.From, window.To, BackfillState.MaxOccurrences);
            if (occurrences > BackfillState.MaxOccurrences)
            {
                return Problems.Validation(
                    string.Empty,
                    ValidationRules.MaxItems,
                    $"The window holds more than {BackfillState.MaxOccurrences.ToString(CultureInfo.InvariantCulture)} occurrences of the task's schedule; split it into smaller windows.");
            }

            return new BackfillState
            {
                From = window.From,
                To = window.To,
                Limit = window.Limit,
                RetryFailed = window.RetryFailed,
                Generation = task.State.Generation,
                RequestedAt = time.GetUtcNow(),
                Occurrences = occurrences,
            };
        }, cancellationToken);
    }

    /// <summary>GET /api/tasks/{id}/backfill: 200 with the task's latest backfill, running or ended; 404 when it has none.</summary>
    public async Task<ApiResponse> GetBackfillAsync(string id, CancellationToken cancellationToken = default)
    {
        var task = TaskId.IsValid(id) ? await store.GetAsync(id, cancellationToken) : null;
        return task is null ? Problems.TaskNotFound(id)
            : task.State.Backfill is not { } backfill ? NoBackfill(id)
            : new ApiResponse(200, BackfillRepresentation.From(backfill), BackfillPath(id), task.Version);
    }

    /// <summary>
    /// DELETE /api/tasks/{id}/backfill: 200 with the backfill, cancelled (an occurrence already claimed still fires
    /// and is recorded); idempotent: an ended backfill is returned as it is. 404 when the task has none.
    /// </summary>
    public Task<ApiResponse> CancelBackfillAsync(string id, CancellationToken cancellationToken = default) =>
        ChangeBackfillAsync(id, TaskChange.BackfillCanceled, 200, task => task.State.Backfill switch
        {
            null => NoBackfill(id),
            { Status: BackfillStatus.Running } running => running.End(BackfillStatus.Canceled, time.GetUtcNow()),
            var ended => new ApiResponse(200, BackfillRepresentation.From(ended), BackfillPath(id), task.Version),
        }, cancellationToken);

    // What a backfill request decided for the task read: an answer as it is (a problem, or nothing to change), or the
    // backfill to store.
    private readonly record struct BackfillChange(ApiResponse? Answer, BackfillState? Next)
    {
        public static implicit operator BackfillChange(ApiResponse answer) => new(answer, null);

        public static implicit operator BackfillChange(BackfillState next) => new(null, next);
    }

    // Reads the task, lets change decide (an answer as it is, or the backfill to store), stores it on the version read
    // (retrying a conflict from a fresh read), wakes the runtime and answers with the backfill.
    private async Task<ApiResponse> ChangeBackfillAsync(
        string id, TaskChange notice, int status, Func<StoredTask, BackfillChange> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var task = TaskId.IsValid(id) ? await store.GetAsync(id, cancellationToken) : null;
            if (task is null)
            {
                return Problems.TaskNotFound(id);
            }

            var decided = change(task);
            if (decided.Next is not { } backfill)
            {
                return decided.Answer!;
            }

            try
            {
                var stored = await store.UpdateStateAsync(task, task.State with { Backfill = backfill }, cancellationToken);
                await NotifyAsync(stored, notice, cancellationToken);
                return new ApiResponse(status, BackfillRepresentation.From(backfill), BackfillPath(id), stored.Version);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                LogWriteConflict(id, attempt);
            }
        }
    }

    private static string BackfillPath(string id) => $"{BasePath}/{id}/backfill";

    private static ApiResponse NoBackfill(string id) =>
        Problems.NotFound("No backfill.", $"Task '{id}' has never been backfilled; POST {BackfillPath(id)} starts one.");

    private static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
