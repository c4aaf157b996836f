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

    private static TaskRunState State() => TaskRunState.New(Now.AddDays(-1));

    private static ClaimedOccurrence Claim(DateTimeOffset expiresAt) =>
        new(Occurrence.Scheduled(Now, Now), "task:x/1", expiresAt, 1);
}
