using FunctionScheduler.Functions.Activities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Functions.Orchestration;

/// <summary>
/// One eternal orchestration per task. Each pass claims what is due (activity), fires each claimed occurrence
/// (activity), then waits for the next wake time or a "changed" event, whichever comes first, and continues as new.
/// The index is the truth: every pass re-reads the task, so a lost event only delays a change until the next wake
/// (or the reconcile), and a duplicate instance claims through the index like any other claimant.
/// </summary>
/// <remarks>
/// Deterministic by construction: the only clock is <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, the
/// only randomness <see cref="TaskOrchestrationContext.NewGuid"/>, and all I/O happens in activities.
/// </remarks>
public static class TaskOrchestrator
{
    /// <summary>The orchestrator's function name, used to start instances.</summary>
    public const string Name = "TaskOrchestrator";

    /// <summary>Category of the orchestrator's replay-safe logger.</summary>
    public const string LogCategory = "FunctionScheduler.Functions.Orchestration.TaskOrchestrator";

    /// <summary>
    /// Longest single wait. A task due further out re-plans after it; that keeps every durable timer short (the
    /// Azure Storage provider chains long timers anyway) and costs one activity per three days.
    /// </summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromDays(3);

    /// <summary>
    /// Pause before the next pass when an activity failed all its retries (storage unreachable, say): the instance
    /// keeps going instead of failing, and the claim it holds is still its own to finish.
    /// </summary>
    public static readonly TimeSpan FailureBackoff = TimeSpan.FromMinutes(1);

    /// <summary>Retries of both activities: 5 attempts over about 75 seconds.</summary>
    public static TaskOptions ActivityOptions { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromMinutes(1)));

    [Function(Name)]
    public static async Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<TaskOrchestrationInput>()
            ?? throw new InvalidOperationException($"Orchestration '{context.InstanceId}' was started without input.");
        var logger = context.CreateReplaySafeLogger(LogCategory);
        var claimant = input.Claimant ?? $"{context.InstanceId}/{context.NewGuid():N}";
        var state = input with { Claimant = claimant, SchemaVersion = TaskOrchestrationInput.CurrentSchemaVersion, WokeFor = null };

        ClaimDueResult claim;
        try
        {
            claim = await context.CallActivityAsync<ClaimDueResult>(
                TaskActivities.ClaimDue, new ClaimDueInput(input.Group, input.TaskId, claimant, input.WokeFor), ActivityOptions);
        }
        catch (TaskFailedException ex)
        {
            OrchestratorLog.ClaimFailed(logger, input.TaskId, ex.Message);
            return await WaitThenContinueAsync(context, logger, state, Now(context) + FailureBackoff);
        }

        if (!claim.Exists)
        {
            OrchestratorLog.TaskGone(logger, input.TaskId);
            return PassOutcome.TaskGone;
        }

        var failed = 0;
        foreach (var claimed in claim.Claimed)
        {
            try
            {
                var run = await context.CallActivityAsync<FireOccurrenceResult?>(
                    TaskActivities.FireOccurrence, new FireOccurrenceInput(input.Group, input.TaskId, claimed), ActivityOptions);
                OrchestratorLog.Fired(logger, input.TaskId, claimed.Occurrence.ScheduledAt, run?.Status);
            }
            catch (TaskFailedException ex)
            {
                // The claim stays ours: the next pass gets it back from the planner and fires it again.
                failed++;
                OrchestratorLog.FireFailed(logger, input.TaskId, claimed.Occurrence.ScheduledAt, ex.Message);
            }
        }

        if (failed > 0)
        {
            var retryAt = Now(context) + FailureBackoff;
            return await WaitThenContinueAsync(context, logger, state, claim.WakeAt is { } w && w < retryAt ? w : retryAt);
        }

        if (claim.WakeAt is not { } wakeAt)
        {
            if (claim.Claimed.Count == 0)
            {
                // Paused or completed: hold no timer, and wait for a change (resume, run-now, replace). The instance
                // stays, so a change raised while this pass ran is delivered to it: an instance that ended here would
                // lose such an event with it (seen on the real engine when a run-now follows a pause at once).
                OrchestratorLog.Idle(logger, input.TaskId, claim.Lifecycle);
                await context.WaitForExternalEvent<string>(TaskInstance.ChangedEvent);
                context.ContinueAsNew(state, preserveUnprocessedEvents: true);
                return PassOutcome.Continued;
            }

            // Something fired and nothing is planned: plan once more, so what changed while firing is seen at once.
            context.ContinueAsNew(state, preserveUnprocessedEvents: true);
            return PassOutcome.Continued;
        }

        return await WaitThenContinueAsync(context, logger, state, wakeAt);
    }

    private static async Task<string> WaitThenContinueAsync(
        TaskOrchestrationContext context, ILogger logger, TaskOrchestrationInput state, DateTimeOffset wakeAt)
    {
        var now = Now(context);
        var until = wakeAt - now > MaxWait ? now + MaxWait : wakeAt;
        using (var cancellation = new CancellationTokenSource())
        {
            var timer = context.CreateTimer(until.UtcDateTime, cancellation.Token);
            var changed = context.WaitForExternalEvent<string>(TaskInstance.ChangedEvent, cancellation.Token);
            var first = await Task.WhenAny(timer, changed);
            if (first == timer)
            {
                // The next claim waits for this instant: a queue-based timer may have woken a little early, and
                // planning before the instant would find nothing due and go round again (a spin of passes).
                state = state with { WokeFor = until };
            }

            // Cancel the loser: Durable holds an execution open until its outstanding timers fire, so a timer left
            // behind would keep this pass alive until its wake time. Synchronous on purpose: cancellation callbacks
            // must run on the orchestrator's thread (CancelAsync would run them on the thread pool).
            cancellation.Cancel();
            OrchestratorLog.Woke(logger, state.TaskId, first == changed ? "a change" : "its timer", until);
        }

        context.ContinueAsNew(state, preserveUnprocessedEvents: true);
        return PassOutcome.Continued;
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) =>
        new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
}
