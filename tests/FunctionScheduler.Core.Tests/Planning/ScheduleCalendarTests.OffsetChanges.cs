using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

// Zones where .NET's local-time queries report no gap and no overlap although the offset changes: negative DST
// (Dublin's winter, Morocco's Ramadan time) and changes of the standard offset (Juba, Norfolk, Moscow). Cronos' zone
// overloads answered wrongly in all of them, in Dublin and Casablanca an instant before the one asked about.
public partial class ScheduleCalendarTests
{
    // Created before every row's date, so that the historical rows have no lower bound in the way.
    private static readonly TaskRunState Since2000 = NewState(At("2000-01-01T00:00:00Z"));

    [Theory]
    //          expression          zone                    after                   expected (UTC)
    // Dublin spring 2027-03-28 01:00Z, 00:59:59 GMT -> 02:00 IST: local 01:00 does not exist and fires at 01:00Z,
    // the same instant as 02:00 IST, once.
    [InlineData("0 * * * *",        "Europe/Dublin",        "2027-03-27T23:30:00Z", "2027-03-28T00:00:00Z 2027-03-28T01:00:00Z 2027-03-28T02:00:00Z")]
    [InlineData("30 1 * * *",       "Europe/Dublin",        "2027-03-27T12:00:00Z", "2027-03-28T01:00:00Z 2027-03-29T00:30:00Z")]
    // Dublin autumn 2027-10-31 01:00Z, 01:59:59 IST -> 01:00 GMT: local 01:00-02:00 happens twice. Interval-like
    // fields fire in both passes; a fixed time in the first only.
    [InlineData("0 * * * *",        "Europe/Dublin",        "2027-10-30T23:30:00Z", "2027-10-31T00:00:00Z 2027-10-31T01:00:00Z 2027-10-31T02:00:00Z")]
    [InlineData("*/30 * * * *",     "Europe/Dublin",        "2027-10-31T00:00:00Z", "2027-10-31T00:30:00Z 2027-10-31T01:00:00Z 2027-10-31T01:30:00Z 2027-10-31T02:00:00Z")]
    [InlineData("30 1 * * *",       "Europe/Dublin",        "2027-10-30T12:00:00Z", "2027-10-31T00:30:00Z 2027-11-01T01:30:00Z")]
    // Casablanca leaves Ramadan time 2027-03-14 02:00Z (02:00 +00 -> 03:00 +01) and enters it 2027-02-07 02:00Z
    // (03:00 +01 -> 02:00 +00).
    [InlineData("0 * * * *",        "Africa/Casablanca",    "2027-03-14T00:30:00Z", "2027-03-14T01:00:00Z 2027-03-14T02:00:00Z 2027-03-14T03:00:00Z")]
    [InlineData("0 * * * *",        "Africa/Casablanca",    "2027-02-07T00:30:00Z", "2027-02-07T01:00:00Z 2027-02-07T02:00:00Z 2027-02-07T03:00:00Z")]
    [InlineData("30 2 * * *",       "Africa/Casablanca",    "2027-02-06T12:00:00Z", "2027-02-07T01:30:00Z 2027-02-08T02:30:00Z")]
    [InlineData("0 * * * *",        "Africa/El_Aaiun",      "2027-03-14T01:00:05Z", "2027-03-14T02:00:00Z 2027-03-14T03:00:00Z")]
    // Amman changed at midnight: 2014-03-28 00:00 EET -> 01:00 EEST (midnight does not exist), 2014-10-31
    // 01:00 EEST -> 00:00 EET (midnight happens twice).
    [InlineData("0 0 * * *",        "Asia/Amman",           "2014-03-26T12:00:00Z", "2014-03-26T22:00:00Z 2014-03-27T22:00:00Z 2014-03-28T21:00:00Z")]
    [InlineData("0 0 * * *",        "Asia/Amman",           "2014-10-29T12:00:00Z", "2014-10-29T21:00:00Z 2014-10-30T21:00:00Z 2014-10-31T22:00:00Z")]
    [InlineData("0 * * * *",        "Asia/Amman",           "2014-10-30T20:30:00Z", "2014-10-30T21:00:00Z 2014-10-30T22:00:00Z 2014-10-30T23:00:00Z")]
    // Standard offset changes: Juba 2021-02-01 00:00 +03 -> 23:00 +02; Norfolk 2015-10-04 02:00 +11:30 -> 01:30
    // +11:00; Moscow 2014-10-26 02:00 +04 -> 01:00 +03; Scoresbysund 2010-03-28 00:00 -01 -> 01:00 +00.
    [InlineData("0 * * * *",        "Africa/Juba",          "2021-01-31T20:03:00Z", "2021-01-31T21:00:00Z 2021-01-31T22:00:00Z")]
    [InlineData("*/30 * * * *",     "Pacific/Norfolk",      "2015-10-03T14:03:00Z", "2015-10-03T14:30:00Z 2015-10-03T15:00:00Z")]
    [InlineData("30 1 * * *",       "Europe/Moscow",        "2014-10-25T12:00:00Z", "2014-10-25T21:30:00Z 2014-10-26T22:30:00Z")]
    [InlineData("30 1 * * *",       "America/Scoresbysund", "2010-03-27T18:00:00Z", "2010-03-28T01:30:00Z 2010-03-29T01:30:00Z")]
    public void NextAfter_CronAcrossOffsetChangesNetDoesNotReport_FollowsDocumentedRules(string expression, string zone, string after, string expected)
    {
        var task = Cron(expression, zone);

        var upcoming = ScheduleCalendar.Upcoming(task, Since2000, At(after), List(expected).Length);

        Assert.Equal(List(expected), Scheduled(upcoming));
    }

    [Theory]
    // The instants of the report: the planner asked to go past these got an occurrence at or before them.
    [InlineData("Europe/Dublin",     "2027-03-28T00:00:05Z", "2027-03-28T01:00:00Z")]
    [InlineData("Europe/Dublin",     "2027-03-28T00:59:59Z", "2027-03-28T01:00:00Z")]
    [InlineData("Africa/Casablanca", "2027-03-14T01:00:05Z", "2027-03-14T02:00:00Z")]
    [InlineData("Africa/El_Aaiun",   "2027-03-14T01:30:00Z", "2027-03-14T02:00:00Z")]
    public void NextAfter_HourlyJustBeforeSpringChangeInNegativeDstZone_IsStrictlyLater(string zone, string after, string expected)
    {
        var next = ScheduleCalendar.NextAfter(Cron("0 * * * *", zone), LongAgo, At(after));

        Assert.Equal(At(expected), next?.ScheduledAt);
    }

    [Theory]
    [InlineData("Europe/Dublin",     "2027-03-28T00:30:00Z", "2027-03-28T01:00:00Z")]
    [InlineData("Africa/Casablanca", "2027-03-14T01:30:00Z", "2027-03-14T02:00:00Z")]
    public void NextAfter_StartAtJustBeforeSpringChange_IsNotBeforeStartAt(string zone, string startAt, string expected)
    {
        var task = Cron("0 * * * *", zone).With(s => s with { StartAt = At(startAt) });

        var next = ScheduleCalendar.NextAfter(task, LongAgo, At(startAt).AddDays(-1));

        Assert.Equal(At(expected), next?.ScheduledAt);
    }
}
