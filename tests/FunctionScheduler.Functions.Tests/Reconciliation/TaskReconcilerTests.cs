using FunctionScheduler.Core.Model;
using FunctionScheduler.Functions.Reconciliation;

namespace FunctionScheduler.Functions.Tests.Reconciliation;

/// <summary>The reconcile's two judgements, as tables; its actions are exercised in the robustness tests.</summary>
public class TaskReconcilerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TaskLifecycle.Active, 0, 0, true)]
    [InlineData(TaskLifecycle.Paused, 0, 0, false)]
    [InlineData(TaskLifecycle.Completed, 0, 0, false)]
    [InlineData(TaskLifecycle.Paused, 1, 0, true)]
    [InlineData(TaskLifecycle.Completed, 1, 0, true)]
    [InlineData(TaskLifecycle.Paused, 0, 1, true)]
    [InlineData(TaskLifecycle.Completed, 0, 1, true)]
    public void NeedsInstance_LifecycleAndPendingWork_AsTabled(TaskLifecycle lifecycle, int runRequests, int inFlight, bool expected)
    {
        var state = State() with
        {
            Lifecycle = lifecycle,
            RunRequests = [.. Enumerable.Repeat(Now, runRequests)],
            InFlight = [.. Enumerable.Repeat(Claim(Now.AddMinutes(5)), inFlight)],
        };

        Assert.Equal(expected, TaskReconciler.NeedsInstance(state));
    }

    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData(-1, null, null, false)]
    [InlineData(-2, null, null, false)]
    [InlineData(-3, null, null, true)]
    [InlineData(60, null, null, false)]
    [InlineData(null, -1, null, false)]
    [InlineData(null, -3, null, true)]
    [InlineData(null, null, 1, false)]
    [InlineData(null, null, -1, false)]
    [InlineData(null, null, -3, true)]
    public void IsOverdue_MoreThanTwoMinutesLate_AsTabled(int? nextFireMinutes, int? runRequestMinutes, int? claimExpiryMinutes, bool expected)
    {
        var state = State() with
        {
            NextFireAt = nextFireMinutes is { } n ? Now.AddMinutes(n) : null,
            RunRequests = runRequestMinutes is { } r ? [Now.AddMinutes(r)] : [],
            InFlight = claimExpiryMinutes is { } c ? [Claim(Now.AddMinutes(c))] : [],
        };

        Assert.Equal(expected, TaskReconciler.IsOverdue(state, Now));
    }

    [Theory]
    [InlineData(TaskLifecycle.Paused, BackfillStatus.Running, true)]
    [InlineData(TaskLifecycle.Completed, BackfillStatus.Running, true)]
    [InlineData(TaskLifecycle.Paused, BackfillStatus.Completed, false)]
    [InlineData(TaskLifecycle.Paused, BackfillStatus.Canceled, false)]
    public void NeedsInstance_Backfill_OnlyWhileItRuns(TaskLifecycle lifecycle, BackfillStatus status, bool expected)
    {
        var state = State() with { Lifecycle = lifecycle, Backfill = Backfill(Now.AddMinutes(-10)) with { Status = status } };

        Assert.Equal(expected, TaskReconciler.NeedsInstance(state));
    }

    [Theory]
    [InlineData(-3, false, true)]
    [InlineData(-1, false, false)]
    [InlineData(-3, true, false)]
    public void IsOverdue_RunningBackfill_OverdueWhenNothingIsClaimedMoreThanTwoMinutesAfterTheRequest(int requestedMinutes, bool claimed, bool expected)
    {
        var claim = new ClaimedOccurrence(Occurrence.Backfill(Now.AddDays(-2), Now), "task:x/1", Now.AddMinutes(5), 1);
        var state = State() with { Backfill = Backfill(Now.AddMinutes(requestedMinutes)), InFlight = claimed ? [claim] : [] };

        Assert.Equal(expected, TaskReconciler.IsOverdue(state, Now));
    }

    private static BackfillState Backfill(DateTimeOffset requestedAt) =>
        new() { From = Now.AddDays(-3), To = Now.AddDays(-1), Generation = 1, RequestedAt = requestedAt, Occurrences = 3 };

    private static TaskRunState State() => TaskRunState.New(Now.AddDays(-1));

    private static ClaimedOccurrence Claim(DateTimeOffset expiresAt) =>
        new(Occurrence.Scheduled(Now, Now), "task:x/1", expiresAt, 1);
}
