namespace FunctionScheduler.Contracts;

/// <summary>The "state.health" object: whether the task is doing its job, at a glance.</summary>
public sealed record TaskHealthRepresentation
{
    /// <summary>Failed runs since the last successful one (missed records neither count nor break the streak).</summary>
    public required long ConsecutiveFailures { get; init; }

    /// <summary>When the latest successful run completed; absent before the first.</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>Succeeded over succeeded plus failed among the recent runs (state.runStats.recent), 0 to 1; absent before the first fire.</summary>
    public double? RecentSuccessRate { get; init; }

    /// <summary>The overdue tolerance in force: the definition's overdueTolerance, or the default derived from schedule and retries.</summary>
    public required TimeSpan OverdueTolerance { get; init; }

    /// <summary>Present while the task is overdue: the deadline its first unrecorded occurrence missed.</summary>
    public DateTimeOffset? OverdueSince { get; init; }

    /// <summary>Present while the task is overdue: what is late, and the notification sent about it.</summary>
    public OverdueRepresentation? Overdue { get; init; }
}
