using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace FunctionScheduler.Functions.Activities;

/// <summary>
/// The orchestration's two activities, each one call into the core's executor. Both are idempotent per occurrence:
/// Durable may run an activity again (a retry, or a worker lost before its result was stored), so a claim re-run by
/// the same claimant gets its own claims back, and a fire looks up the run log before calling the target.
/// </summary>
public sealed class TaskActivities(ITaskStore store, TaskExecutor executor, TimeProvider time)
{
    /// <summary>
    /// The most a claim waits for the instant its timer was set for. Queue-based timers wake less than a second
    /// early; anything earlier (a clock far off) is not waited for: the claim plans, and the orchestrator's next timer
    /// covers the rest.
    /// </summary>
    public static readonly TimeSpan MaxEarlyWake = TimeSpan.FromSeconds(2);

    /// <summary>Activity name: plan the task now and claim what is due.</summary>
    public const string ClaimDue = "ClaimDue";

    /// <summary>Activity name: fire one claimed occurrence and record its run.</summary>
    public const string FireOccurrence = "FireOccurrence";

    [Function(ClaimDue)]
    public async Task<ClaimDueResult> ClaimDueAsync([ActivityTrigger] ClaimDueInput input, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        if (input.NotBefore is { } notBefore && notBefore - time.GetUtcNow() is var early && early > TimeSpan.Zero && early <= MaxEarlyWake)
        {
            await Task.Delay(early, time, cancellationToken);
        }

        var task = await store.GetAsync(input.Group, input.TaskId, cancellationToken);
        if (task is null)
        {
            return ClaimDueResult.Gone;
        }

        var claim = new ClaimRequest(input.Claimant, ClaimLease.For(task.Definition));
        var outcome = await executor.ClaimDueAsync(task, claim, cancellationToken);
        return outcome.Task is not { } claimed
            ? ClaimDueResult.Gone
            : new ClaimDueResult(true, claimed.State.Lifecycle, claimed.State.Generation, outcome.Claimed, outcome.WakeAt);
    }

    [Function(FireOccurrence)]
    public async Task<FireOccurrenceResult?> FireOccurrenceAsync([ActivityTrigger] FireOccurrenceInput input, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var run = await executor.FireAsync(input.Group, input.TaskId, input.Claimed, context.CancellationToken);
        return run is null ? null : new FireOccurrenceResult(run.RunId, run.Status, run.HttpStatus);
    }
}
