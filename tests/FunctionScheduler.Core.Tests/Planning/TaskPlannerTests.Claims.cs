using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

public partial class TaskPlannerTests
{
    private static readonly DateTimeOffset ClaimNow = At("2025-01-01T00:02:30Z");

    private static ClaimedOccurrence Claimed(string scheduledAt, string claimedBy, string expiresAt, OccurrenceKind kind = OccurrenceKind.Scheduled) =>
        new(new Occurrence(At(scheduledAt), At(scheduledAt), kind), claimedBy, At(expiresAt), Generation: 1);

    [Fact]
    public void Plan_InFlightClaims_TakesOverOwnAndExpiredKeepsOthers()
    {
        var own = Claimed("2025-01-01T00:00:00Z", "host-a", "2025-01-01T00:05:00Z");
        var expired = Claimed("2025-01-01T00:01:00Z", "host-b", "2025-01-01T00:02:30Z", OccurrenceKind.Manual);
        var held = Claimed("2025-01-01T00:02:00Z", "host-b", "2025-01-01T00:02:50Z");
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T00:02:00Z")) with { InFlight = [own, expired, held] };

        var decision = TaskPlanner.Plan(Cron("* * * * *"), state, ClaimNow, Claim);

        Assert.Equal([own.Occurrence, expired.Occurrence], decision.Due);
        var leaseEnd = ClaimNow + Claim.Lease;
        Assert.Equal(
            [held, own with { ExpiresAt = leaseEnd }, expired with { ClaimedBy = "host-a", ExpiresAt = leaseEnd }],
            decision.NextState.InFlight);
        // Wake for the other host's claim before the next minute.
        Assert.Equal(At("2025-01-01T00:02:50Z"), decision.WakeAt);
        Assert.Equal(state.FireCount, decision.NextState.FireCount);
    }

    [Theory]
    [InlineData("host-b", true)]    // gone: taken over now, although its lease runs for half an hour more
    [InlineData("host-c", false)]   // alive: left alone until its lease ends
    public void Plan_ClaimWithinLease_TakenOverOnlyWhenItsClaimantIsDead(string claimant, bool takenOver)
    {
        var claim = Claimed("2025-01-01T00:02:00Z", claimant, "2025-01-01T00:32:00Z");
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T00:02:00Z")) with { InFlight = [claim] };
        var withLiveness = Claim with { DeadClaimants = new HashSet<string> { "host-b" } };

        var decision = TaskPlanner.Plan(Cron("* * * * *"), state, ClaimNow, withLiveness);

        Assert.Equal(takenOver, decision.Due.Contains(claim.Occurrence));
        var stored = Assert.Single(decision.NextState.InFlight);
        Assert.Equal(takenOver ? ("host-a", ClaimNow + Claim.Lease) : (claimant, claim.ExpiresAt), (stored.ClaimedBy, stored.ExpiresAt));
        Assert.Equal(At("2025-01-01T00:03:00Z"), decision.WakeAt);
    }

    [Fact]
    public void Plan_OwnNameAmongDeadClaimants_StillTakesOwnClaimsOnly()
    {
        var other = Claimed("2025-01-01T00:01:00Z", "host-c", "2025-01-01T00:32:00Z");
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T00:02:00Z")) with { InFlight = [other] };
        var withLiveness = Claim with { DeadClaimants = new HashSet<string> { "host-a" } };

        var decision = TaskPlanner.Plan(Cron("* * * * *"), state, ClaimNow, withLiveness);

        Assert.Empty(decision.Due);
        Assert.Same(state.InFlight, decision.NextState.InFlight);
        Assert.Equal(At("2025-01-01T00:03:00Z"), decision.WakeAt);
    }

    [Fact]
    public void Plan_ExpiredClaimOfLateOccurrence_FiresRegardlessOfSkipPolicy()
    {
        var expired = Claimed("2025-01-01T00:00:00Z", "host-b", "2025-01-01T00:00:30Z");
        var task = Cron("0 * * * *").With(s => s with { Misfire = MisfirePolicy.Skip });
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T00:00:00Z")) with { InFlight = [expired] };

        var decision = TaskPlanner.Plan(task, state, At("2025-01-01T00:40:00Z"), Claim);

        Assert.Equal([expired.Occurrence], decision.Due);
        Assert.Equal(At("2025-01-01T01:00:00Z"), decision.WakeAt);
    }

    [Fact]
    public void Plan_ClaimsAndRunNowAndSchedule_OrdersTakeoverThenManualThenScheduled()
    {
        var expired = Claimed("2025-01-01T00:01:00Z", "host-b", "2025-01-01T00:02:00Z");
        var requestedAt = At("2025-01-01T00:02:10Z");
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T00:01:00Z")) with
        {
            InFlight = [expired],
            RunRequests = [requestedAt],
        };

        var decision = TaskPlanner.Plan(Cron("* * * * *"), state, ClaimNow, Claim);

        Assert.Equal(
            [expired.Occurrence, Occurrence.Manual(requestedAt), Occurrence.Scheduled(At("2025-01-01T00:02:00Z"), At("2025-01-01T00:02:00Z"))],
            decision.Due);
        Assert.All(decision.NextState.InFlight, c => Assert.Equal(("host-a", ClaimNow + Claim.Lease, 1L), (c.ClaimedBy, c.ExpiresAt, c.Generation)));
    }

    [Fact]
    public void Plan_PausedWithExpiredClaim_StillTakesItOver()
    {
        var expired = Claimed("2025-01-01T00:01:00Z", "host-b", "2025-01-01T00:02:00Z");
        var state = StateAt(At("2024-12-31T00:00:00Z"), At("2025-01-01T00:01:00Z")) with
        {
            Lifecycle = TaskLifecycle.Paused,
            InFlight = [expired],
        };

        var decision = TaskPlanner.Plan(Cron("* * * * *"), state, ClaimNow, Claim);

        Assert.Equal([expired.Occurrence], decision.Due);
        Assert.Null(decision.Next);
    }
}
