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
}
