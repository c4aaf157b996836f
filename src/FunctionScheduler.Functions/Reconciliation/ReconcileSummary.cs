namespace FunctionScheduler.Functions.Reconciliation;

/// <summary>Counts of what one reconcile run did.</summary>
public sealed class ReconcileSummary
{
    public int Tasks { get; private set; }

    public int Instances { get; private set; }

    public int Started { get; private set; }

    public int Woken { get; private set; }

    public int Retired { get; private set; }

    public int Ended { get; private set; }

    /// <summary>Tasks overdue after their check (docs/semantics.md §10).</summary>
    public int Overdue { get; private set; }

    internal void CountOverdue(bool overdue) => Overdue += overdue ? 1 : 0;

    internal void CountTask() => Tasks++;

    internal void CountInstances(int count) => Instances = count;

    internal void Count(ReconcileAction action)
    {
        switch (action)
        {
            case ReconcileAction.Started: Started++; break;
            case ReconcileAction.Woken: Woken++; break;
            case ReconcileAction.Retired: Retired++; break;
            case ReconcileAction.Ended: Ended++; break;
            default: break;
        }
    }
}
