using FunctionScheduler.Core.Health;
using FunctionScheduler.Core.Model;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Health;

public sealed class TaskHealthTests
{
    private static readonly DateTimeOffset Created = At("2026-03-02T10:00:00Z");
    private static readonly ScheduledTask PauseAfterThree = Interval(TimeSpan.FromMinutes(1)) with { AutoPauseAfter = 3 };

    [Fact]
    public void AfterRecorded_ThirdConsecutiveFailure_PausesWithItsReasonLeavingUpdatedAtAlone()
    {
        var state = NewState(Created);
        for (var i = 1; i <= 3; i++)
        {
            var (claimed, run) = Fire(i, RunStatus.Failed);
            state = TaskHealth.AfterRecorded(PauseAfterThree, state with { InFlight = [claimed] }, run, run.CompletedAt!.Value);
            Assert.Equal(i < 3 ? TaskLifecycle.Active : TaskLifecycle.Paused, state.Lifecycle);
        }

        Assert.Equal(PausedReason.ConsecutiveFailures, state.PausedReason);
        Assert.Equal(3, state.RunStats.ConsecutiveFailures);
        Assert.Null(state.NextFireAt);
        Assert.Equal(Created, state.UpdatedAt);
    }

    [Fact]
    public void AfterRecorded_SuccessBetweenFailures_EndsTheStreak()
    {
        var state = NewState(Created);
        foreach (var (i, status) in new[] { (1, RunStatus.Failed), (2, RunStatus.Failed), (3, RunStatus.Succeeded), (4, RunStatus.Failed), (5, RunStatus.Failed) })
        {
            var (claimed, run) = Fire(i, status);
            state = TaskHealth.AfterRecorded(PauseAfterThree, state with { InFlight = [claimed] }, run, run.CompletedAt!.Value);
        }

        Assert.Equal(TaskLifecycle.Active, state.Lifecycle);
        Assert.Equal(2, state.RunStats.ConsecutiveFailures);
        Assert.Equal(Fire(3, RunStatus.Succeeded).Run.CompletedAt, state.RunStats.LastSucceededAt);
    }

    [Fact]
    public void AfterRecorded_BackfilledFailures_NeverPauseNorMoveTheStreak()
    {
        var state = NewState(Created);
        var (firstClaim, firstRun) = Fire(1, RunStatus.Failed);
        state = TaskHealth.AfterRecorded(PauseAfterThree, state with { InFlight = [firstClaim] }, firstRun, firstRun.CompletedAt!.Value);
        for (var i = 1; i <= 10; i++)
        {
            var occurrence = Occurrence.Backfill(Created.AddHours(-i), Created.AddMinutes(1 + i));
            var run = Run(occurrence, RunStatus.Failed);
            state = TaskHealth.AfterRecorded(PauseAfterThree, state with { InFlight = [new(occurrence, "host-a", Created.AddHours(1), 1)] }, run, run.CompletedAt!.Value);
        }

        Assert.Equal(TaskLifecycle.Active, state.Lifecycle);
        Assert.Equal(1, state.RunStats.ConsecutiveFailures);
        Assert.Equal(11, state.RunStats.Failed);
    }

    [Fact]
    public void AfterRecorded_BackfilledFailureOnAStreakAlreadyAtTheLimit_DoesNotPauseAgain()
    {
        // Resume clears the reason, not the streak: a scheduled failure then pauses again, a backfilled one must not.
        var state = NewState(Created) with { RunStats = RunStatistics.Empty with { ConsecutiveFailures = 3 } };
        var occurrence = Occurrence.Backfill(Created.AddHours(-1), Created.AddMinutes(1));
        var run = Run(occurrence, RunStatus.Failed);

        var after = TaskHealth.AfterRecorded(PauseAfterThree, state with { InFlight = [new(occurrence, "host-a", Created.AddHours(1), 1)] }, run, Created.AddMinutes(1));

        Assert.Equal(TaskLifecycle.Active, after.Lifecycle);
        var (claimed, scheduled) = Fire(2, RunStatus.Failed);
        Assert.Equal(TaskLifecycle.Paused, TaskHealth.AfterRecorded(PauseAfterThree, after with { InFlight = [claimed] }, scheduled, Created.AddMinutes(3)).Lifecycle);
    }

    [Fact]
    public void AfterRecorded_SameFailedRunTwice_CountsItOnce()
    {
        var task = PauseAfterThree with { AutoPauseAfter = 2 };
        var (claimed, run) = Fire(1, RunStatus.Failed);
        var once = TaskHealth.AfterRecorded(task, NewState(Created) with { InFlight = [claimed] }, run, run.CompletedAt!.Value);

        var twice = TaskHealth.AfterRecorded(task, once, run, run.CompletedAt!.Value);

        Assert.Same(once, twice);
        Assert.Equal(TaskLifecycle.Active, twice.Lifecycle);
    }

    [Fact]
    public void AfterRecorded_WithoutAutoPause_NeverPauses()
    {
        var state = NewState(Created);
        var task = PauseAfterThree with { AutoPauseAfter = null };
        for (var i = 1; i <= 50; i++)
        {
            var (claimed, run) = Fire(i, RunStatus.Failed);
            state = TaskHealth.AfterRecorded(task, state with { InFlight = [claimed] }, run, run.CompletedAt!.Value);
        }

        Assert.Equal(TaskLifecycle.Active, state.Lifecycle);
        Assert.Equal(50, state.RunStats.ConsecutiveFailures);
    }

    [Fact]
    public void AfterRecorded_FailedRunNowOfAUserPausedTask_KeepsTheUsersReason()
    {
        var paused = TaskTransitions.Apply(NewState(Created), TaskCommand.Pause, Created)!;
        var manual = Occurrence.Manual(Created.AddMinutes(1));
        var run = Run(manual, RunStatus.Failed) ;

        var after = TaskHealth.AfterRecorded(PauseAfterThree with { AutoPauseAfter = 1 }, paused with { InFlight = [new(manual, "host-a", Created.AddMinutes(5), 1)] }, run, Created.AddMinutes(1));

        Assert.Equal(TaskLifecycle.Paused, after.Lifecycle);
        Assert.Equal(PausedReason.User, after.PausedReason);
        Assert.Equal(1, after.RunStats.ConsecutiveFailures);
    }

    [Fact]
    public void AfterRecorded_RunOfTheLateOccurrence_ClearsTheOverdueMark()
    {
        var task = Cron("0 * * * *") with { OverdueTolerance = TimeSpan.FromMinutes(5) };
        var occurrence = Occurrence.Scheduled(At("2026-03-02T11:00:00Z"), At("2026-03-02T11:00:00Z"));
        var claimed = new ClaimedOccurrence(occurrence, "host-a", At("2026-03-02T12:00:00Z"), 1);
        var state = OverdueCheck.Decide(task, NewState(Created) with { Cursor = occurrence.ScheduledAt, InFlight = [claimed] }, At("2026-03-02T11:10:00Z"));
        Assert.NotNull(state.Overdue);

        var after = TaskHealth.AfterRecorded(task, state, Run(occurrence, RunStatus.Succeeded), At("2026-03-02T11:11:00Z"));

        Assert.Null(after.Overdue);
    }

    [Theory]
    [InlineData(TaskLifecycle.Active, TaskCommand.Pause, TaskLifecycle.Paused, PausedReason.User)]
    [InlineData(TaskLifecycle.Active, TaskCommand.AutoPause, TaskLifecycle.Paused, PausedReason.ConsecutiveFailures)]
    public void TaskTransitions_Pausing_RecordsWhy(TaskLifecycle from, TaskCommand command, TaskLifecycle to, PausedReason reason)
    {
        var after = TaskTransitions.Apply(NewState(Created) with { Lifecycle = from }, command, Created.AddHours(1));

        Assert.Equal(to, after?.Lifecycle);
        Assert.Equal(reason, after?.PausedReason);
    }

    [Theory]
    [InlineData(TaskLifecycle.Paused)]
    [InlineData(TaskLifecycle.Completed)]
    public void TaskTransitions_AutoPauseOfATaskNotActive_IsNotInTheTable(TaskLifecycle from) =>
        Assert.Null(TaskTransitions.Apply(NewState(Created) with { Lifecycle = from }, TaskCommand.AutoPause, Created));

    [Fact]
    public void TaskTransitions_ResumeAutoPaused_ClearsTheReason_AndUserPauseOfAutoPausedKeepsIt()
    {
        var autoPaused = TaskTransitions.Apply(NewState(Created), TaskCommand.AutoPause, Created)!;

        Assert.Equal(PausedReason.ConsecutiveFailures, TaskTransitions.Apply(autoPaused, TaskCommand.Pause, Created)!.PausedReason);
        var resumed = TaskTransitions.Apply(autoPaused, TaskCommand.Resume, Created.AddMinutes(1))!;
        Assert.Equal(TaskLifecycle.Active, resumed.Lifecycle);
        Assert.Null(resumed.PausedReason);
    }

    private static (ClaimedOccurrence Claimed, RunRecord Run) Fire(int minute, RunStatus status)
    {
        var occurrence = Occurrence.Scheduled(Created.AddMinutes(minute), Created.AddMinutes(minute));
        return (new ClaimedOccurrence(occurrence, "host-a", Created.AddMinutes(minute + 5), 1), Run(occurrence, status));
    }

    private static RunRecord Run(Occurrence occurrence, RunStatus status) => new()
    {
        TaskId = Id,
        RunId = RunId.For(Id, occurrence, 1),
        Occurrence = occurrence,
        Generation = 1,
        Status = status,
        ErrorClass = status == RunStatus.Failed ? RunErrorClass.HttpStatus : RunErrorClass.None,
        HttpStatus = status == RunStatus.Failed ? 503 : 200,
        CompletedAt = occurrence.FireAt.AddSeconds(2),
    };
}
