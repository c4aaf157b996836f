using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

public partial class TaskPlannerTests
{
    [Fact]
    public void Plan_CronInLondonSpringGap_FiresAtFirstInstantAfterGap()
    {
        // 01:30 does not exist on 2025-03-30 in London (01:00 GMT -> 02:00 BST).
        var task = Cron("30 1 * * *", "Europe/London");
        var state = StateAt(At("2025-01-01T00:00:00Z"), At("2025-03-29T01:30:00Z"));

        var before = TaskPlanner.Plan(task, state, At("2025-03-30T00:59:59Z"), Claim);
        var at = TaskPlanner.Plan(task, state, At("2025-03-30T01:00:00Z"), Claim);

        Assert.Empty(before.Due);
        Assert.Equal(At("2025-03-30T01:00:00Z"), before.WakeAt);
        Assert.Equal(["2025-03-30T01:00:00Z"], Scheduled(at.Due));
    }

    [Fact]
    public void Plan_CronInNewYorkFallOverlap_FixedTimeFiresOnce()
    {
        // 01:30 happens twice on 2025-11-02 in New York: 05:30 UTC (EDT) and 06:30 UTC (EST).
        var task = Cron("30 1 * * *", "America/New_York");
        var state = StateAt(At("2025-01-01T00:00:00Z"), At("2025-11-01T05:30:00Z"));

        var first = TaskPlanner.Plan(task, state, At("2025-11-02T05:30:00Z"), Claim);
        var second = TaskPlanner.Plan(task, first.NextState with { InFlight = [] }, At("2025-11-02T06:30:00Z"), Claim);

        Assert.Equal(["2025-11-02T05:30:00Z"], Scheduled(first.Due));
        Assert.Empty(second.Due);
        Assert.Equal(At("2025-11-03T06:30:00Z"), second.Next?.ScheduledAt);
    }

    [Fact]
    public void Plan_QuarterHourCronInLordHoweOverlap_FiresInBothOffsets()
    {
        // Lord Howe falls back 30 minutes on 2025-04-06 (02:00 +11:00 -> 01:30 +10:30): 01:30 and 01:45 happen twice.
        var task = Cron("*/15 * * * *", "Australia/Lord_Howe").With(s => s with { MisfireGrace = TimeSpan.FromHours(1) });
        var state = StateAt(At("2025-01-01T00:00:00Z"), At("2025-04-05T14:15:00Z"));

        var decision = TaskPlanner.Plan(task, state, At("2025-04-05T15:15:00Z"), Claim);

        Assert.Equal(
            ["2025-04-05T14:30:00Z", "2025-04-05T14:45:00Z", "2025-04-05T15:00:00Z", "2025-04-05T15:15:00Z"],
            Scheduled(decision.Due));
    }

    [Fact]
    public void Plan_HourlyDublinSecondsAfterSpringChangeFire_DoesNotFireItAgain()
    {
        // 00:00Z (00:00 GMT) fired; five seconds later the next occurrence is 01:00Z (local 01:00 does not exist).
        var task = Cron("0 * * * *", "Europe/Dublin");
        var state = StateAt(At("2027-01-01T00:00:00Z"), At("2027-03-28T00:00:00Z"));

        var decision = TaskPlanner.Plan(task, state, At("2027-03-28T00:00:05Z"), Claim);

        Assert.Empty(decision.Due);
        Assert.Equal(At("2027-03-28T01:00:00Z"), decision.Next?.ScheduledAt);
        Assert.Equal(At("2027-03-28T01:00:00Z"), decision.NextState.NextFireAt);
    }

    [Theory]
    [InlineData("Europe/Dublin",     "2027-03-27T23:00:00Z", "2027-03-28T00:01:30Z", "2027-03-28T00:00:00Z", "2027-03-28T01:00:00Z")]
    [InlineData("Africa/Casablanca", "2027-03-14T00:00:00Z", "2027-03-14T01:01:30Z", "2027-03-14T01:00:00Z", "2027-03-14T02:00:00Z")]
    public void Plan_HourlyPastGraceBeforeSpringChangeInNegativeDstZone_FiresLatestAndReturns(
        string zone, string cursor, string now, string fired, string next)
    {
        // The grace (1 minute) has passed: the occurrence is late and goes through the late-region summary, whose
        // walk never ended here before.
        var task = Cron("0 * * * *", zone);
        var state = StateAt(At("2027-01-01T00:00:00Z"), At(cursor));

        var decision = TaskPlanner.Plan(task, state, At(now), Claim);

        Assert.Equal([fired], Scheduled(decision.Due));
        Assert.Null(decision.Missed);
        Assert.Equal(At(next), decision.Next?.ScheduledAt);
    }

    [Fact]
    public void Plan_HourlyDublinDownAcrossSpringChange_CountsMissedOnceEach()
    {
        // Down from 22:00Z to 03:00:30Z with Skip: 23:00, 00:00, 01:00 (the gap), 02:00 are missed; 03:00 is on time.
        var task = Cron("0 * * * *", "Europe/Dublin").With(s => s with { Misfire = MisfirePolicy.Skip });
        var state = StateAt(At("2027-01-01T00:00:00Z"), At("2027-03-27T22:00:00Z"));

        var decision = TaskPlanner.Plan(task, state, At("2027-03-28T03:00:30Z"), Claim);

        Assert.Equal(["2027-03-28T03:00:00Z"], Scheduled(decision.Due));
        Assert.Equal(new MissedRange(At("2027-03-27T23:00:00Z"), At("2027-03-28T02:00:00Z"), 4, CountIsExact: true), decision.Missed);
    }

    [Fact]
    public void Plan_HourlyDublinAutumnChange_FiresSecondPassOfRepeatedHour()
    {
        // 01:00 IST (00:00Z) fired; 01:00 GMT (01:00Z) is the same local time again and fires too.
        var task = Cron("0 * * * *", "Europe/Dublin");
        var state = StateAt(At("2027-01-01T00:00:00Z"), At("2027-10-31T00:00:00Z"));

        var decision = TaskPlanner.Plan(task, state, At("2027-10-31T01:00:10Z"), Claim);

        Assert.Equal(["2027-10-31T01:00:00Z"], Scheduled(decision.Due));
        Assert.Equal(At("2027-10-31T02:00:00Z"), decision.Next?.ScheduledAt);
    }

    [Theory]
    [InlineData("Europe/Dublin",     "2027-03-28T00:30:00Z", "2027-03-28T01:00:00Z")]
    [InlineData("Africa/Casablanca", "2027-03-14T01:30:00Z", "2027-03-14T02:00:00Z")]
    public void Plan_StartAtJustBeforeSpringChange_NextFireAtIsNotBeforeStartAt(string zone, string startAt, string expected)
    {
        var task = Cron("0 * * * *", zone).With(s => s with { StartAt = At(startAt) });
        var state = NewState(At(startAt).AddDays(-1));

        var decision = TaskPlanner.Plan(task, state, At(startAt).AddMinutes(-20), Claim);

        Assert.Empty(decision.Due);
        Assert.Equal(At(expected), decision.NextState.NextFireAt);
    }

    [Fact]
    public void Plan_PerSecondCronDownAcrossDublinSpringChange_WalksBackThroughTheGap()
    {
        // Down 90 minutes: far more late occurrences than are counted, so the latest are found walking back from the
        // late line (01:00:00.5Z), through the gap: local 01:00:00-01:59:59 collapse onto 01:00:00Z, before which
        // comes 00:59:59Z (00:59:59 GMT).
        var task = Cron("* * * * * *", "Europe/Dublin").With(s => s with { Misfire = MisfirePolicy.CatchUp, CatchUpLimit = 3 });
        var state = StateAt(At("2027-01-01T00:00:00Z"), At("2027-03-27T23:30:00Z"));

        var decision = TaskPlanner.Plan(task, state, At("2027-03-28T01:01:00.5Z"), Claim);

        Assert.Equal(["2027-03-28T00:59:58Z", "2027-03-28T00:59:59Z", "2027-03-28T01:00:00Z", "2027-03-28T01:00:01Z"], Scheduled(decision.Due.Take(4)));
        Assert.Equal(3 + 60, decision.Due.Count);
        Assert.Equal(At("2027-03-27T23:30:01Z"), decision.Missed?.First);
        Assert.Equal(At("2027-03-28T00:59:57Z"), decision.Missed?.Last);
        Assert.False(decision.Missed?.CountIsExact);
        Assert.InRange(decision.Missed!.Count, PlanningLimits.MissedCountCap, 5_397);
        Assert.Equal(At("2027-03-28T01:01:01Z"), decision.Next?.ScheduledAt);
    }
}
