using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionScheduler.Functions.Reconciliation;

/// <summary>Runs the reconcile on the schedule in the app setting ReconcileSchedule (NCRONTAB, e.g. every 5 minutes).</summary>
public sealed class ReconcileFunction(TaskReconciler reconciler)
{
    [Function("Reconcile")]
    public Task RunAsync(
        [TimerTrigger("%ReconcileSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return reconciler.RunAsync(client, context.CancellationToken);
    }
}
