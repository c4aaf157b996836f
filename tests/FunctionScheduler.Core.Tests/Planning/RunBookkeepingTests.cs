using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

public class RunBookkeepingTests
{
    private static readonly Occurrence Early = Occurrence.Scheduled(At("2025-01-01T00:00:00Z"), At("2025-01-01T00:00:04Z"));
    private static readonly Occurrence Late = Occurrence.Scheduled(At("2025-01-01T00:01:00Z"), At("2025-01-01T00:01:02Z"));

    private static readonly TaskRunState TwoInFlight = NewState(At("2024-12-31T00:00:00Z")) with
    {
        InFlight =
        [
            new ClaimedOccurrence(Early, "host-a", At("2025-01-01T00:05:00Z"), 1),
            new ClaimedOccurrence(Late, "host-b", At("2025-01-01T00:06:00Z"), 1),
        ],
    };

    private static RunRecord Run(Occurrence occurrence, RunStatus status = RunStatus.Succeeded) => new()
    {
        TaskId = Id,
        RunId = RunId.For(Id, occurrence, 1),
        Occurrence = occurrence,
        Generation = 1,
        Status = status,
        HttpStatus = 200,
        CompletedAt = occurrence.FireAt.AddSeconds(1),
    };

    [Fact]
    public void Recorded_RunOfOneGeneration_LeavesTheSameInstantClaimedInAnother()
    {
        var state = new TaskRunState
        {
            GenerationStartedAt = At("2025-01-01T00:00:00Z"),
            CreatedAt = At("2025-01-01T00:00:00Z"),
            UpdatedAt = At("2025-01-01T00:00:00Z"),
            Generation = 2,
            InFlight =
            [
                new ClaimedOccurrence(Early, "host-a", At("2025-01-01T00:05:00Z"), 1),
                new ClaimedOccurrence(Early, "host-b", At("2025-01-01T00:06:00Z"), 2),
            ],
        };

        var after = RunBookkeeping.Recorded(state, Run(Early) with { RunId = RunId.For(Id, Early, 2), Generation = 2 });

        var left = Assert.Single(after.InFlight);
        Assert.Equal(1, left.Generation);
        Assert.Equal(RunId.For(Id, Early, 2), after.LastRun!.RunId);
    }

    [Fact]
    public void Recorded_RunInFlight_RemovesItAndSetsLastRun()
    {
        var state = RunBookkeeping.Recorded(TwoInFlight, Run(Early));

        Assert.Equal([Late], state.InFlight.Select(c => c.Occurrence));
        Assert.Equal(new LastRunSummary(RunId.For(Id, Early, 1), Early.ScheduledAt, RunStatus.Succeeded, 200, At("2025-01-01T00:00:05Z")), state.LastRun);
    }

    [Fact]
    public void Recorded_OlderRunAfterNewer_KeepsNewerLastRun()
    {
        var afterLate = RunBookkeeping.Recorded(TwoInFlight, Run(Late));

        var afterBoth = RunBookkeeping.Recorded(afterLate, Run(Early, RunStatus.Failed));

        Assert.Empty(afterBoth.InFlight);
        Assert.Equal(Late.ScheduledAt, afterBoth.LastRun?.ScheduledAt);
        Assert.Equal(RunStatus.Succeeded, afterBoth.LastRun?.Status);
    }

    [Fact]
    public void Recorded_SameRunTwice_ReturnsSameState()
    {
        var once = RunBookkeeping.Recorded(TwoInFlight, Run(Early));

        var twice = RunBookkeeping.Recorded(once, Run(Early));

        Assert.Same(once, twice);
    }

    [Fact]
    public void Recorded_ManualRunAtScheduledInstant_LeavesScheduledClaim()
    {
        var manual = new Occurrence(Early.ScheduledAt, Early.ScheduledAt, OccurrenceKind.Manual);

        var state = RunBookkeeping.Recorded(TwoInFlight, Run(manual));

        Assert.Equal([Early, Late], state.InFlight.Select(c => c.Occurrence));
    }

    [Fact]
    public void Recorded_RunInFlight_CountsItOnceInTheStatistics()
    {
        var once = RunBookkeeping.Recorded(TwoInFlight, Run(Early, RunStatus.Failed));

        var twice = RunBookkeeping.Recorded(once, Run(Early, RunStatus.Failed));

        Assert.Same(once, twice);
        Assert.Equal((0L, 1L, 0L), (once.RunStats.Succeeded, once.RunStats.Failed, once.RunStats.Missed));
        Assert.Equal([new RecentRun(Early.ScheduledAt, OccurrenceKind.Scheduled, RunStatus.Failed, 200, null)], once.RunStats.Recent);
        Assert.Equal(0.0, once.RunStats.SuccessRate);
    }

    [Fact]
    public void Recorded_ManyRuns_KeepsTheNewestTwentyAndCountsAll()
    {
        var state = NewState(At("2024-12-31T00:00:00Z"));
        for (var i = 0; i < 45; i++)
        {
            var occurrence = Occurrence.Scheduled(At("2025-01-01T00:00:00Z").AddMinutes(i), At("2025-01-01T00:00:00Z").AddMinutes(i));
            state = state with { InFlight = [new ClaimedOccurrence(occurrence, "host-a", occurrence.FireAt.AddMinutes(5), 1)] };
            state = RunBookkeeping.Recorded(state, Run(occurrence, i % 3 == 0 ? RunStatus.Failed : RunStatus.Succeeded));
        }

        Assert.Equal(45, state.RunStats.Total);
        Assert.Equal(15, state.RunStats.Failed);
        Assert.Equal(RunStatistics.MaxRecent, state.RunStats.Recent.Count);
        Assert.Equal(At("2025-01-01T00:44:00Z"), state.RunStats.Recent[0].ScheduledAt);
        Assert.Equal(30.0 / 45, state.RunStats.SuccessRate);
    }

    [Fact]
    public void Skipped_MissedRange_CountsOneMissedRecordAtItsLatestOccurrence()
    {
        var missed = new MissedRange(At("2025-01-01T00:05:00Z"), At("2025-01-01T00:55:00Z"), 11, CountIsExact: true);

        var state = RunBookkeeping.Skipped(TwoInFlight, missed);

        Assert.Equal(1, state.RunStats.Missed);
        Assert.Null(state.RunStats.SuccessRate);
        Assert.Equal(new RecentRun(missed.Last, OccurrenceKind.Scheduled, RunStatus.Missed, null, null), Assert.Single(state.RunStats.Recent));
        Assert.Same(TwoInFlight.InFlight, state.InFlight);
    }

    [Fact]
    public void HandedBack_OwnUnstartedClaim_LapsesNowAndOthersAreUntouched()
    {
        var now = At("2025-01-01T00:01:30Z");

        var state = RunBookkeeping.HandedBack(TwoInFlight, [TwoInFlight.InFlight[0]], now);

        Assert.Equal([TwoInFlight.InFlight[0] with { ExpiresAt = now }, TwoInFlight.InFlight[1]], state.InFlight);
        Assert.Equal(TwoInFlight.LastRun, state.LastRun);
    }

    [Theory]
    [InlineData("host-c", 1)]   // another claimant's claim of the occurrence
    [InlineData("host-a", 2)]   // the same instant claimed in another generation
    public void HandedBack_NotTheClaimAsMade_ReturnsTheSameState(string claimant, long generation)
    {
        var now = At("2025-01-01T00:01:30Z");
        var other = new ClaimedOccurrence(Early, claimant, At("2025-01-01T00:05:00Z"), generation);

        Assert.Same(TwoInFlight, RunBookkeeping.HandedBack(TwoInFlight, [other], now));
    }

    [Fact]
    public void HandedBack_ThenPlannedByAnother_TakenOverAtOnce()
    {
        var now = At("2025-01-01T00:01:30Z");
        var handedBack = RunBookkeeping.HandedBack(TwoInFlight, [TwoInFlight.InFlight[0]], now);

        var decision = TaskPlanner.Plan(Once(At("2030-01-01T00:00:00Z")), handedBack, now, Claim with { Claimant = "host-c" });

        Assert.Equal([Early], decision.Due);
    }
}
