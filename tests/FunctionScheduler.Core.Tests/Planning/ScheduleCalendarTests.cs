using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

public partial class ScheduleCalendarTests
{
    private static readonly TaskRunState LongAgo = NewState(At("2020-01-01T00:00:00Z"));

    // Every row: the next occurrences strictly after "after", as UTC instants. Local times in the comments.
    [Theory]
    //          expression          zone                   after                   expected (UTC)
    // London spring gap 2025-03-30 01:00 GMT -> 02:00 BST: 01:30 does not exist and fires at 02:00 BST.
    [InlineData("30 1 * * *",       "Europe/London",       "2025-03-29T12:00:00Z", "2025-03-30T01:00:00Z 2025-03-31T00:30:00Z")]
    // Hourly across the gap: 01:00 local does not exist and fires at 02:00 BST (01:00 UTC), the same instant as
    // 02:00 BST itself, so that instant fires once.
    [InlineData("0 * * * *",        "Europe/London",       "2025-03-29T23:30:00Z", "2025-03-30T00:00:00Z 2025-03-30T01:00:00Z 2025-03-30T02:00:00Z")]
    // London autumn overlap 2025-10-26 02:00 BST -> 01:00 GMT: a fixed 01:30 fires once, in the first offset (BST).
    [InlineData("30 1 * * *",       "Europe/London",       "2025-10-25T12:00:00Z", "2025-10-26T00:30:00Z 2025-10-27T01:30:00Z")]
    // Interval-like fields fire in both offsets: 01:30 BST, 01:00 GMT, 01:30 GMT, 02:00 GMT.
    [InlineData("*/30 * * * *",     "Europe/London",       "2025-10-26T00:00:00Z", "2025-10-26T00:30:00Z 2025-10-26T01:00:00Z 2025-10-26T01:30:00Z 2025-10-26T02:00:00Z")]
    [InlineData("0 * * * *",        "Europe/London",       "2025-10-25T23:30:00Z", "2025-10-26T00:00:00Z 2025-10-26T01:00:00Z 2025-10-26T02:00:00Z")]
    // New York spring gap 2025-03-09 02:00 EST -> 03:00 EDT: 02:30 fires at 03:00 EDT.
    [InlineData("30 2 * * *",       "America/New_York",    "2025-03-08T12:00:00Z", "2025-03-09T07:00:00Z 2025-03-10T06:30:00Z")]
    // New York autumn overlap 2025-11-02 02:00 EDT -> 01:00 EST: 01:30 once (EDT), then 01:30 EST the next day.
    [InlineData("30 1 * * *",       "America/New_York",    "2025-11-01T12:00:00Z", "2025-11-02T05:30:00Z 2025-11-03T06:30:00Z")]
    [InlineData("*/15 * * * *",     "America/New_York",    "2025-11-02T05:40:00Z", "2025-11-02T05:45:00Z 2025-11-02T06:00:00Z 2025-11-02T06:15:00Z")]
    // Lord Howe moves by 30 minutes. Spring 2025-10-05 02:00 +10:30 -> 02:30 +11:00: 02:15 fires at 02:30 +11:00.
    [InlineData("15 2 * * *",       "Australia/Lord_Howe", "2025-10-04T00:00:00Z", "2025-10-04T15:30:00Z 2025-10-05T15:15:00Z")]
    // Autumn 2025-04-06 02:00 +11:00 -> 01:30 +10:30: 01:45 fires once (+11:00); */15 fires 01:30 and 01:45 twice.
    [InlineData("45 1 * * *",       "Australia/Lord_Howe", "2025-04-05T00:00:00Z", "2025-04-05T14:45:00Z 2025-04-06T15:15:00Z")]
    [InlineData("*/15 * * * *",     "Australia/Lord_Howe", "2025-04-05T14:20:00Z", "2025-04-05T14:30:00Z 2025-04-05T14:45:00Z 2025-04-05T15:00:00Z 2025-04-05T15:15:00Z 2025-04-05T15:30:00Z")]
    // Tokyo has no DST: 09:00 JST is 00:00 UTC every day, on the dates the other zones change too.
    [InlineData("0 9 * * *",        "Asia/Tokyo",          "2025-03-29T12:00:00Z", "2025-03-30T00:00:00Z 2025-03-31T00:00:00Z")]
    [InlineData("0 9 * * *",        "Asia/Tokyo",          "2025-10-25T12:00:00Z", "2025-10-26T00:00:00Z 2025-10-27T00:00:00Z")]
    public void NextAfter_CronAcrossDstTransitions_FollowsCronosRules(string expression, string zone, string after, string expected)
    {
        var task = Cron(expression, zone);

        var upcoming = ScheduleCalendar.Upcoming(task, LongAgo, At(after), List(expected).Length);

        Assert.Equal(List(expected), Scheduled(upcoming));
    }

    [Theory]
    //          expression          zone              after                   expected (UTC)
    // Leap day: only in leap years.
    [InlineData("0 0 29 2 *",       "UTC",            "2024-03-01T00:00:00Z", "2028-02-29T00:00:00Z 2032-02-29T00:00:00Z")]
    // Last day of the month, February of a leap year included.
    [InlineData("0 0 L * *",        "UTC",            "2024-01-15T00:00:00Z", "2024-01-31T00:00:00Z 2024-02-29T00:00:00Z 2024-03-31T00:00:00Z 2024-04-30T00:00:00Z")]
    [InlineData("0 0 L * *",        "Europe/Berlin",  "2025-02-01T00:00:00Z", "2025-02-27T23:00:00Z 2025-03-30T22:00:00Z")]
    // Year rollover, in UTC and at midnight in Berlin (23:00 UTC the day before).
    [InlineData("59 23 31 12 *",    "UTC",            "2024-12-31T00:00:00Z", "2024-12-31T23:59:00Z 2025-12-31T23:59:00Z")]
    [InlineData("0 0 1 1 *",        "Europe/Berlin",  "2024-12-31T12:00:00Z", "2024-12-31T23:00:00Z 2025-12-31T23:00:00Z")]
    // Six fields: seconds first.
    [InlineData("30 * * * * *",     "UTC",            "2025-01-01T00:00:00Z", "2025-01-01T00:00:30Z 2025-01-01T00:01:30Z")]
    [InlineData("*/20 * * * * *",   "UTC",            "2025-01-01T23:59:30Z", "2025-01-01T23:59:40Z 2025-01-02T00:00:00Z 2025-01-02T00:00:20Z")]
    // Quartz form with '?'.
    [InlineData("0 */5 * * * ?",    "UTC",            "2025-01-01T00:01:00Z", "2025-01-01T00:05:00Z 2025-01-01T00:10:00Z")]
    [InlineData("0 0 12 ? * MON",   "UTC",            "2025-01-01T00:00:00Z", "2025-01-06T12:00:00Z 2025-01-13T12:00:00Z")]
    // Weekdays at 09:00 New York (EST, UTC-5) over a weekend.
    [InlineData("0 9 * * MON-FRI",  "America/New_York", "2025-01-03T15:00:00Z", "2025-01-06T14:00:00Z 2025-01-07T14:00:00Z")]
    public void NextAfter_CronCalendarEdges_MatchesTable(string expression, string zone, string after, string expected)
    {
        var task = Cron(expression, zone);

        var upcoming = ScheduleCalendar.Upcoming(task, LongAgo, At(after), List(expected).Length);

        Assert.Equal(List(expected), Scheduled(upcoming));
    }

    [Fact]
    public void NextAfter_CronThatNeverMatches_ReturnsNull()
    {
        var task = Cron("0 0 30 2 *");

        Assert.Null(ScheduleCalendar.NextAfter(task, LongAgo, At("2025-01-01T00:00:00Z")));
    }

    [Theory]
    //          startAt                 generation started      after                   expected (UTC)
    // startAt in the future: the grid starts there.
    [InlineData("2025-01-01T06:00:00Z", "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z", "2025-01-01T06:00:00Z 2025-01-01T07:00:00Z")]
    // startAt in the past: no backlog before the task existed, but the grid keeps its phase (minute 15).
    [InlineData("2024-06-01T00:15:00Z", "2025-01-01T12:40:00Z", "2025-01-01T12:40:00Z", "2025-01-01T13:15:00Z 2025-01-01T14:15:00Z")]
    // An occurrence at the generation start itself counts.
    [InlineData("2024-06-01T00:00:00Z", "2025-01-01T12:00:00Z", "2025-01-01T11:59:59Z", "2025-01-01T12:00:00Z 2025-01-01T13:00:00Z")]
    // No startAt: anchored one interval after the generation began.
    [InlineData(null,                   "2025-01-01T12:00:07Z", "2025-01-01T12:00:07Z", "2025-01-01T13:00:07Z 2025-01-01T14:00:07Z")]
    public void NextAfter_HourlyInterval_AnchorsOnStartAtOrGeneration(string? startAt, string generationStartedAt, string after, string expected)
    {
        var task = Interval(TimeSpan.FromHours(1), startAt is null ? null : At(startAt));

        var upcoming = ScheduleCalendar.Upcoming(task, NewState(At(generationStartedAt)), At(after), 2);

        Assert.Equal(List(expected), Scheduled(upcoming));
    }

    [Fact]
    public void NextAfter_IntervalFarAfterAnchor_ComputesWithoutDrift()
    {
        // Ten years of seven-second steps: arithmetic gives the exact grid point.
        var start = At("2015-01-01T00:00:00Z");
        var task = Interval(TimeSpan.FromSeconds(7), start);

        var next = ScheduleCalendar.NextAfter(task, NewState(start), At("2025-01-01T00:00:00Z"));

        Assert.NotNull(next);
        var elapsed = next.Value.ScheduledAt - start;
        Assert.Equal(0, elapsed.Ticks % TimeSpan.FromSeconds(7).Ticks);
        Assert.InRange(next.Value.ScheduledAt, At("2025-01-01T00:00:00.0000001Z"), At("2025-01-01T00:00:07Z"));
    }

    [Theory]
    //          endAt                   after                   expected (UTC)
    [InlineData("2025-01-01T02:00:00Z", "2025-01-01T00:30:00Z", "2025-01-01T01:00:00Z 2025-01-01T02:00:00Z")]
    [InlineData("2025-01-01T01:59:59Z", "2025-01-01T00:30:00Z", "2025-01-01T01:00:00Z")]
    public void NextAfter_EndAt_IsInclusive(string endAt, string after, string expected)
    {
        var task = Cron("0 * * * *").With(s => s with { EndAt = At(endAt) });

        var upcoming = ScheduleCalendar.Upcoming(task, LongAgo, At(after), 5);

        Assert.Equal(List(expected), Scheduled(upcoming));
    }

    [Fact]
    public void NextAfter_CronWithStartAt_SkipsEarlierMatches()
    {
        var task = Cron("0 * * * *").With(s => s with { StartAt = At("2025-01-01T05:00:00Z") });

        var next = ScheduleCalendar.NextAfter(task, LongAgo, At("2025-01-01T00:30:00Z"));

        Assert.Equal(At("2025-01-01T05:00:00Z"), next?.ScheduledAt);
    }

    [Fact]
    public void NextAfter_Cursor_LooksStrictlyAfterIt()
    {
        var task = Cron("0 * * * *");
        var state = StateAt(At("2020-01-01T00:00:00Z"), At("2025-01-01T03:00:00Z"));

        var next = ScheduleCalendar.NextAfter(task, state, At("2025-01-01T00:00:00Z"));

        Assert.Equal(At("2025-01-01T04:00:00Z"), next?.ScheduledAt);
    }

    [Fact]
    public void NextAfter_SixFieldCronWithZone_ReturnsUtcInstants()
    {
        var task = Cron("15 30 9 * * *", "Europe/Berlin");

        var next = ScheduleCalendar.NextAfter(task, LongAgo, At("2025-07-01T00:00:00Z"));

        Assert.Equal(TimeSpan.Zero, next?.ScheduledAt.Offset);
        Assert.Equal(At("2025-07-01T07:30:15Z"), next?.ScheduledAt);
    }
}
