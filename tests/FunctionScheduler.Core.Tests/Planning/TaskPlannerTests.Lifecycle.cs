using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

public partial class TaskPlannerTests
{
    private static readonly DateTimeOffset OnceAt = At("2025-01-01T10:00:00Z");

    [Fact]
    public void Plan_OnceInFuture_PlansItAsNext()
    {
        var decision = TaskPlanner.Plan(Once(OnceAt), NewState(At("2025-01-01T09:00:00Z")), At("2025-01-01T09:00:00Z"), Claim);

        Assert.Empty(decision.Due);
        Assert.Equal(OnceAt, decision.Next?.ScheduledAt);
        Assert.Equal(OnceAt, decision.WakeAt);
        Assert.Null(decision.Completion);
    }

    [Fact]
    public void Plan_OnceCreatedASecondLate_FiresAndCompletes()
    {
        var created = OnceAt.AddSeconds(1);

        var decision = TaskPlanner.Plan(Once(OnceAt), NewState(created), created, Claim);

        Assert.Equal([Iso(OnceAt)], Scheduled(decision.Due));
        Assert.Equal(CompletionReason.NoMoreOccurrences, decision.Completion);
        Assert.Equal(TaskLifecycle.Completed, decision.NextState.Lifecycle);
        Assert.Equal(CompletionReason.NoMoreOccurrences, decision.NextState.Completion);
        Assert.Equal(OnceAt, decision.NextState.Cursor);
        Assert.Null(decision.Next);
        Assert.Null(decision.WakeAt);
    }

    [Theory]
    [InlineData(MisfirePolicy.Skip, 0)]
    [InlineData(MisfirePolicy.FireOnce, 1)]
    [InlineData(MisfirePolicy.CatchUp, 1)]
    public void Plan_OnceLongInPast_FollowsMisfirePolicyAndCompletes(MisfirePolicy policy, int fired)
    {
        var task = Once(OnceAt).With(s => s with { Misfire = policy });
        var now = OnceAt.AddHours(5);

        var decision = TaskPlanner.Plan(task, NewState(At("2025-01-01T00:00:00Z")), now, Claim);

        Assert.Equal(fired, decision.Due.Count);
        Assert.Equal(fired == 0 ? new MissedRange(OnceAt, OnceAt, 1, true) : null, decision.Missed);
        Assert.Equal(CompletionReason.NoMoreOccurrences, decision.Completion);
    }

    [Fact]
    public void Plan_OnceAlreadyHandled_CompletesWithoutFiring()
    {
        var state = StateAt(At("2025-01-01T00:00:00Z"), OnceAt);

        var decision = TaskPlanner.Plan(Once(OnceAt), state, OnceAt.AddMinutes(1), Claim);

        Assert.Empty(decision.Due);
        Assert.Equal(CompletionReason.NoMoreOccurrences, decision.Completion);
    }

    [Fact]
    public void Plan_OnceAfterEndAt_CompletesWithEndAtReached()
    {
        var task = Once(OnceAt).With(s => s with { EndAt = OnceAt.AddTicks(-1) });

        var decision = TaskPlanner.Plan(task, NewState(At("2025-01-01T00:00:00Z")), At("2025-01-01T00:00:00Z"), Claim);

        Assert.Empty(decision.Due);
        Assert.Equal(CompletionReason.EndAtReached, decision.Completion);
    }

    [Fact]
    public void Plan_MaxRunsReachedMidBatch_FiresOnlyUpToMaxAndCompletes()
    {
        var task = Interval(TimeSpan.FromMinutes(1), At("2025-01-01T00:00:00Z")).With(s => s with { MaxRuns = 3 });
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T00:01:00Z")) with { FireCount = 2 };

        var decision = TaskPlanner.Plan(task, state, At("2025-01-01T00:03:10Z"), Claim);

        Assert.Equal(["2025-01-01T00:02:00Z"], Scheduled(decision.Due));
        Assert.Equal(CompletionReason.MaxRunsReached, decision.Completion);
        Assert.Equal(3, decision.NextState.FireCount);
        Assert.Equal(TaskLifecycle.Completed, decision.NextState.Lifecycle);
        Assert.Null(decision.Next);
        Assert.Null(decision.NextState.NextFireAt);
    }

    [Fact]
    public void Plan_CronPastEndAt_CompletesWithEndAtReached()
    {
        var task = Cron("0 * * * *").With(s => s with { EndAt = At("2025-01-01T02:30:00Z") });
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T01:00:00Z"));

        var decision = TaskPlanner.Plan(task, state, At("2025-01-01T02:00:10Z"), Claim);

        Assert.Equal(["2025-01-01T02:00:00Z"], Scheduled(decision.Due));
        Assert.Equal(CompletionReason.EndAtReached, decision.Completion);
    }

    [Fact]
    public void Plan_CronThatNeverMatchesAgain_CompletesWithNoMoreOccurrences()
    {
        var decision = TaskPlanner.Plan(Cron("0 0 30 2 *"), NewState(At("2025-01-01T00:00:00Z")), At("2025-01-01T00:00:00Z"), Claim);

        Assert.Equal(CompletionReason.NoMoreOccurrences, decision.Completion);
        Assert.Equal(TaskLifecycle.Completed, decision.NextState.Lifecycle);
    }

    [Theory]
    [InlineData(TaskLifecycle.Paused)]
    [InlineData(TaskLifecycle.Completed)]
    public void Plan_NotActive_FiresRunNowButNoSchedule(TaskLifecycle lifecycle)
    {
        var requestedAt = At("2025-01-01T00:07:00Z");
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T00:00:00Z")) with
        {
            Lifecycle = lifecycle,
            RunRequests = [requestedAt],
        };

        var decision = TaskPlanner.Plan(Cron("* * * * *"), state, At("2025-01-01T00:07:01Z"), Claim);

        Assert.Equal([Occurrence.Manual(requestedAt)], decision.Due);
        Assert.Null(decision.Next);
        Assert.Null(decision.Completion);
        Assert.Null(decision.WakeAt);
        Assert.Equal(lifecycle, decision.NextState.Lifecycle);
        Assert.Equal(state.Cursor, decision.NextState.Cursor);
        Assert.Empty(decision.NextState.RunRequests);
        Assert.Null(decision.NextState.NextFireAt);
    }

    [Fact]
    public void Plan_ActiveWithRunNow_PutsManualBeforeScheduledAndLeavesFireCount()
    {
        var requestedAt = At("2025-01-01T00:00:30Z");
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T00:00:00Z")) with { RunRequests = [requestedAt, requestedAt] };

        var decision = TaskPlanner.Plan(Cron("* * * * *"), state, At("2025-01-01T00:01:00Z"), Claim);

        // Two requests at the same instant are the same run (same run id): one fire.
        Assert.Equal([Occurrence.Manual(requestedAt), Occurrence.Scheduled(At("2025-01-01T00:01:00Z"), At("2025-01-01T00:01:00Z"))], decision.Due);
        Assert.Equal(1, decision.NextState.FireCount);
    }

    [Fact]
    public void Plan_NothingDue_NextStateEqualsStateExceptNextFireAt()
    {
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T00:00:00Z"));

        var decision = TaskPlanner.Plan(Cron("*/5 * * * *"), state, At("2025-01-01T00:02:00Z"), Claim);

        Assert.Empty(decision.Due);
        Assert.Null(decision.Missed);
        Assert.Equal(state with { NextFireAt = At("2025-01-01T00:05:00Z") }, decision.NextState);
    }
}
