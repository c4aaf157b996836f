using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

/// <summary>Claims keep the generation they were made in; the same instant in two generations is two occurrences.</summary>
public partial class TaskPlannerTests
{
    private static readonly DateTimeOffset Instant = At("2025-01-01T00:00:00Z");

    [Fact]
    public void Plan_LapsedClaimOfAnOlderGeneration_IsTakenOverInItsOwnGeneration()
    {
        var old = new ClaimedOccurrence(Occurrence.Scheduled(Instant, Instant), "host-b", Instant.AddMinutes(1), Generation: 1);
        var state = NewState(Instant.AddMinutes(-10)) with { Generation = 2, GenerationStartedAt = Instant.AddSeconds(30), InFlight = [old] };

        var decision = TaskPlanner.Plan(Cron("0 * * * *"), state, Instant.AddMinutes(2), Claim);

        var taken = Assert.Single(decision.NextState.InFlight);
        Assert.Equal((old.Occurrence, 1L, Claim.Claimant), (taken.Occurrence, taken.Generation, taken.ClaimedBy));
    }

    [Fact]
    public void Plan_NewGenerationOccurrenceAtTheInstantOfAnOldGenerationsClaim_ClaimsItBesideTheOldOne()
    {
        // A one-off replaced by itself while its first run is in flight under another host's claim.
        var old = new ClaimedOccurrence(Occurrence.Scheduled(Instant, Instant), "host-b", Instant.AddMinutes(5), Generation: 1);
        var state = NewState(Instant.AddMinutes(-10)) with { Generation = 2, GenerationStartedAt = Instant.AddSeconds(30), InFlight = [old] };

        var decision = TaskPlanner.Plan(Once(Instant), state, Instant.AddMinutes(1), Claim);

        Assert.Equal([old.Occurrence], decision.Due);
        Assert.Equal(
            [(old.Occurrence, 1L, "host-b"), (old.Occurrence, 2L, Claim.Claimant)],
            decision.NextState.InFlight.Select(c => (c.Occurrence, c.Generation, c.ClaimedBy)));
    }

    [Fact]
    public void Plan_RunRequestAndScheduledOccurrence_AreClaimedInTheCurrentGeneration()
    {
        var state = NewState(Instant.AddMinutes(-10)) with { Generation = 4, GenerationStartedAt = Instant.AddMinutes(-10), RunRequests = [Instant] };

        var decision = TaskPlanner.Plan(Cron("0 * * * *"), state, Instant.AddSeconds(1), Claim);

        Assert.Equal(2, decision.NextState.InFlight.Count);
        Assert.All(decision.NextState.InFlight, c => Assert.Equal(4, c.Generation));
    }
}
