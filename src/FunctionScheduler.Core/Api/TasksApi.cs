using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Health;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Validation;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Api;

/// <summary>
/// The REST contract's handlers, written once for both hosts: each takes what the route bound (id, query values,
/// body bytes) and returns an <see cref="ApiResponse"/>. Hosts only bind and write.
/// Every change is stored in the index first; the runtime is then woken through <see cref="ITaskChangeNotifier"/>.
/// </summary>
public sealed partial class TasksApi(
    ITaskStore store,
    IRunLog runs,
    IDefinitionHistory history,
    ITaskChangeNotifier notifier,
    TargetWarnings warnings,
    TimeProvider time,
    ILogger<TasksApi> logger)
{
    // The dispatcher writes a task's state on every fire, so a user's write can meet a version conflict that has
    // nothing to do with the user; it is retried from a fresh read. Bounded so that a pathological task can't spin.
    private const int MaxConflictRetries = 5;

    /// <summary>Base path of the resource; the Location of a created task is this plus its id.</summary>
    public const string BasePath = "/api/tasks";

    /// <summary>POST /api/tasks: 201 with the task, 400 for an invalid body, 409 when the id exists.</summary>
    public async Task<ApiResponse> CreateAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        var read = TaskDefinitionReader.Read(body.Span, new DefinitionContext());
        if (!read.IsValid)
        {
            return Problems.Validation(read.Errors);
        }

        var definition = read.Value;
        var now = time.GetUtcNow();
        try
        {
            var created = await store.CreateAsync(definition, WithPreview(definition, TaskRunState.New(now), now), cancellationToken);
            await NotifyAsync(created, TaskChange.Created, cancellationToken);
            return Created(created);
        }
        catch (TaskAlreadyExistsException)
        {
            return Problems.Conflict(
                $"A task with the id '{definition.Id}' already exists; PUT {BasePath}/{definition.Id} replaces it.",
                [new FieldError("/id", "unique", "The id is taken.")]);
        }
    }

    /// <summary>PUT /api/tasks/{id}: create (201) or replace (200); idempotent. The group of an existing task cannot change.</summary>
    public Task<ApiResponse> PutAsync(string id, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default) =>
        PutAsync(id, body, existing => existing?.Definition, createIfMissing: true, cancellationToken);

    // The PUT, with where a secret header sent as null takes its value from: the stored task (a PUT, an import) or a
    // kept version (a restore); either way only for the origin that value was given for (KeptSecrets).
    private async Task<ApiResponse> PutAsync(
        string id, ReadOnlyMemory<byte> body, Func<StoredTask?, ScheduledTask?> secretsFrom, bool createIfMissing, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = TaskId.IsValid(id) ? await store.GetAsync(id, cancellationToken) : null;
            if (existing is null && !createIfMissing)
            {
                return Problems.TaskNotFound(id);
            }

            var read = TaskDefinitionReader.Read(body.Span, new DefinitionContext(id, secretsFrom(existing)));
            if (!read.IsValid)
            {
                return Problems.Validation(read.Errors);
            }

            var definition = read.Value;
            var now = time.GetUtcNow();
            try
            {
                if (existing is null)
                {
                    var created = await store.CreateAsync(definition, WithPreview(definition, TaskRunState.New(now), now), cancellationToken);
                    await NotifyAsync(created, TaskChange.Created, cancellationToken);
                    return Created(created);
                }

                if (!string.Equals(existing.Group, definition.Group, StringComparison.Ordinal))
                {
                    return Problems.Conflict(
                        $"Task '{id}' is in group '{existing.Group}'; a task's group cannot change. Delete it and create it again in '{definition.Group}'.",
                        [new FieldError("/group", "immutable", "The group of an existing task cannot change.")]);
                }

                var state = TaskTransitions.Apply(existing.State, TaskCommand.Replace, now)
                    ?? throw new InvalidOperationException("Replace is allowed from every lifecycle.");
                var replaced = await store.ReplaceAsync(existing, definition, WithPreview(definition, state, now), cancellationToken);
                await NotifyAsync(replaced, TaskChange.Replaced, cancellationToken);
                return Ok(replaced);
            }
            catch (Exception ex) when (ex is ConcurrencyConflictException or TaskAlreadyExistsException && attempt < MaxConflictRetries)
            {
                LogWriteConflict(id, attempt);
            }
        }
    }

    /// <summary>GET /api/tasks/{id}: 200 with the task (secret header values never included), 404 when absent.</summary>
    public async Task<ApiResponse> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var task = TaskId.IsValid(id) ? await store.GetAsync(id, cancellationToken) : null;
        return task is null ? Problems.TaskNotFound(id) : Ok(task);
    }

    /// <summary>GET /api/tasks?group=&amp;state=&amp;pageSize=&amp;continuationToken=: one page of tasks.</summary>
    public async Task<ApiResponse> ListAsync(ListParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = parameters.Validate(out var query);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        try
        {
            var page = await store.ListAsync(query, cancellationToken);
            return new ApiResponse(200, new PageRepresentation<TaskRepresentation>(
                [.. page.Items.Select(Represent)], page.ContinuationToken));
        }
        catch (InvalidContinuationTokenException)
        {
            return Problems.Validation("?continuationToken", "continuation-token", "The token is not one this listing returned; start again without it.");
        }
    }

    /// <summary>DELETE /api/tasks/{id}: 204; removes the task and its run history; 404 when absent.</summary>
    public async Task<ApiResponse> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var task = TaskId.IsValid(id) ? await store.GetAsync(id, cancellationToken) : null;
        if (task is null || !await store.DeleteAsync(id, cancellationToken))
        {
            return Problems.TaskNotFound(id);
        }

        await NotifyAsync(task, TaskChange.Deleted, cancellationToken);
        return new ApiResponse(204);
    }

    /// <summary>POST /api/tasks/{id}/pause: 200; idempotent; 409 for a completed task.</summary>
    public Task<ApiResponse> PauseAsync(string id, CancellationToken cancellationToken = default) =>
        ApplyAsync(id, TaskCommand.Pause, TaskChange.Paused, 200, cancellationToken);

    /// <summary>POST /api/tasks/{id}/resume: 200; idempotent; occurrences from the paused period are not replayed; 409 for a completed task.</summary>
    public Task<ApiResponse> ResumeAsync(string id, CancellationToken cancellationToken = default) =>
        ApplyAsync(id, TaskCommand.Resume, TaskChange.Resumed, 200, cancellationToken);

    /// <summary>POST /api/tasks/{id}/run: 202; fires once now, outside the schedule, in any lifecycle.</summary>
    public Task<ApiResponse> RunNowAsync(string id, CancellationToken cancellationToken = default) =>
        ApplyAsync(id, TaskCommand.RunNow, TaskChange.RunRequested, 202, cancellationToken);

    /// <summary>GET /api/tasks/{id}/runs?pageSize=&amp;continuationToken=: run history, newest first.</summary>
    public async Task<ApiResponse> ListRunsAsync(string id, ListParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = parameters.Validate(out var query);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var task = TaskId.IsValid(id) ? await store.GetAsync(id, cancellationToken) : null;
        if (task is null)
        {
            return Problems.TaskNotFound(id);
        }

        try
        {
            var page = await runs.ListAsync(id, query.PageSize, query.ContinuationToken, cancellationToken);
            return new ApiResponse(200, new PageRepresentation<RunRepresentation>(
                [.. page.Items.Select(RunRepresentation.From)], page.ContinuationToken));
        }
        catch (InvalidContinuationTokenException)
        {
            return Problems.Validation("?continuationToken", "continuation-token", "The token is not one this listing returned; start again without it.");
        }
    }

    private async Task<ApiResponse> ApplyAsync(string id, TaskCommand command, TaskChange change, int status, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var task = TaskId.IsValid(id) ? await store.GetAsync(id, cancellationToken) : null;
            if (task is null)
            {
                return Problems.TaskNotFound(id);
            }

            var now = time.GetUtcNow();
            if (TaskTransitions.Apply(task.State, command, now) is not { } state)
            {
                return Problems.Conflict(
                    $"Task '{id}' is {task.State.Lifecycle.ToString().ToLowerInvariant()} ({task.State.Completion}); it cannot be {PastTense(command)}. Replace it (PUT) to schedule it again.");
            }

            try
            {
                var stored = state == task.State ? task : await store.UpdateStateAsync(task, WithPreview(task.Definition, state, now), cancellationToken);
                await NotifyAsync(stored, change, cancellationToken);
                return new ApiResponse(status, Represent(stored), $"{BasePath}/{stored.Id}", stored.Version);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                LogWriteConflict(id, attempt);
            }
        }
    }

    // Shows users when the task will fire next without claiming anything: the runtime does the claiming. A change
    // that ends an overdue episode (a pause, a replace) clears its mark with the same write.
    private static TaskRunState WithPreview(ScheduledTask definition, TaskRunState state, DateTimeOffset now)
    {
        if (state.Lifecycle != TaskLifecycle.Active)
        {
            return OverdueCheck.Settle(definition, state with { NextFireAt = null }, now);
        }

        var decision = TaskPlanner.Plan(definition, state, now, PreviewClaim);
        var firstScheduled = decision.Due.Where(o => o.Kind == OccurrenceKind.Scheduled).Select(o => (DateTimeOffset?)o.FireAt).FirstOrDefault();
        return OverdueCheck.Settle(definition, state with { NextFireAt = firstScheduled ?? decision.Next?.FireAt }, now);
    }

    private static readonly ClaimRequest PreviewClaim = new("preview", TimeSpan.Zero);

    private async Task NotifyAsync(StoredTask task, TaskChange change, CancellationToken cancellationToken)
    {
        try
        {
            await notifier.NotifyAsync(task, change, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change is stored; the runtime's own reconcile picks it up. Failing the request would make the
            // client retry a write that already happened.
            LogNotifyFailed(ex, task.Id, change);
        }
    }

    private ApiResponse Created(StoredTask task) =>
        new(201, Represent(task), $"{BasePath}/{task.Id}", task.Version);

    private ApiResponse Ok(StoredTask task) =>
        new(200, Represent(task), $"{BasePath}/{task.Id}", task.Version);

    // Every representation carries the warnings, so a client that reads the task later sees them too. The failure
    // action is called like a target, so its address is warned about the same way.
    private TaskRepresentation Represent(StoredTask task)
    {
        IReadOnlyList<string> found = [.. warnings.For(task.Definition.Target),
            .. task.Definition.FailureAction is { } action ? warnings.ForFailureAction(action) : []];
        return found.Count > 0 ? TaskRepresentation.From(task) with { Warnings = found } : TaskRepresentation.From(task);
    }

    private static string PastTense(TaskCommand command) => command switch
    {
        TaskCommand.Pause => "paused",
        TaskCommand.Resume => "resumed",
        TaskCommand.RunNow => "run",
        _ => "replaced",
    };

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Task {TaskId}: version conflict on attempt {Attempt}; retrying the request")]
    private partial void LogWriteConflict(string taskId, int attempt);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Task {TaskId}: stored the change {Change} but could not wake the runtime; it will reconcile")]
    private partial void LogNotifyFailed(Exception exception, string taskId, TaskChange change);
}
