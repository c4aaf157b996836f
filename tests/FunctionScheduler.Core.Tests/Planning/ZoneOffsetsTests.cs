using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

public sealed class ZoneOffsetsTests
{
    [Theory]
    //          zone                    after                   change at (UTC)         before      after
    // Negative DST: Irish winter time (GMT) is the tz database's "daylight saving"; .NET reports no gap or overlap.
    [InlineData("Europe/Dublin",        "2027-01-01T00:00:00Z", "2027-03-28T01:00:00Z", "00:00",    "01:00")]
    [InlineData("Europe/Dublin",        "2027-03-28T01:00:00Z", "2027-10-31T01:00:00Z", "01:00",    "00:00")]
    // Morocco's Ramadan time, also negative.
    [InlineData("Africa/Casablanca",    "2027-01-01T00:00:00Z", "2027-02-07T02:00:00Z", "01:00",    "00:00")]
    [InlineData("Africa/Casablanca",    "2027-02-07T02:00:00Z", "2027-03-14T02:00:00Z", "00:00",    "01:00")]
    // A change at local midnight, and Samoa skipping 30 December 2011 (a gap of a whole day).
    [InlineData("Asia/Amman",           "2014-01-01T00:00:00Z", "2014-03-27T22:00:00Z", "02:00",    "03:00")]
    [InlineData("Pacific/Apia",         "2011-12-01T00:00:00Z", "2011-12-30T10:00:00Z", "-10:00",   "14:00")]
    // A change of the standard offset.
    [InlineData("Africa/Juba",          "2021-01-01T00:00:00Z", "2021-01-31T21:00:00Z", "03:00",    "02:00")]
    public void FirstChangeAfter_ZoneWithChange_FindsItToTheTick(string zone, string after, string at, string before, string then)
    {
        var offsets = ZoneOffsets.For(TimeZoneInfo.FindSystemTimeZoneById(zone));
        var (from, instant) = (At(after).UtcTicks, At(at).UtcTicks);

        var change = offsets.FirstChangeAfter(from, from + (400 * TimeSpan.TicksPerDay));

        Assert.Equal(new OffsetChange(instant, Offset(before), Offset(then)), change);
        Assert.Equal(Offset(before), offsets.OffsetAt(instant - 1));
        Assert.Equal(Offset(then), offsets.OffsetAt(instant));
        Assert.Equal(change, offsets.LastChangeAtOrBefore(instant, instant));
        Assert.Null(offsets.LastChangeAtOrBefore(instant - 1, instant - TimeSpan.TicksPerDay));
    }

    [Fact]
    public void FirstChangeAfter_ChangeExactlyAtLimit_IsIncludedAndOneTickLaterIsNot()
    {
        var offsets = ZoneOffsets.For(TimeZoneInfo.FindSystemTimeZoneById("Europe/Dublin"));
        var at = At("2027-03-28T01:00:00Z").UtcTicks;

        Assert.Equal(at, offsets.FirstChangeAfter(at - 1, at)?.At);
        Assert.Null(offsets.FirstChangeAfter(at, at + TimeSpan.TicksPerDay));
        Assert.Null(offsets.FirstChangeAfter(at - TimeSpan.TicksPerDay, at - 1));
    }

    [Fact]
    public void OffsetAt_ZoneWithoutRules_IsFixedAndHasNoChanges()
    {
        var offsets = ZoneOffsets.For(TimeZoneInfo.FindSystemTimeZoneById("Etc/GMT+5"));

        Assert.Equal(TimeSpan.FromHours(-5).Ticks, offsets.Fixed);
        Assert.Equal(TimeSpan.FromHours(-5).Ticks, offsets.OffsetAt(At("2027-03-28T01:00:00Z").UtcTicks));
        Assert.Null(offsets.FirstChangeAfter(0, DateTime.MaxValue.Ticks));
    }

    [Fact]
    public void OffsetAt_TokyoSince1952_NeverChanges()
    {
        var offsets = ZoneOffsets.For(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

        Assert.Null(offsets.Fixed);
        Assert.Null(offsets.FirstChangeAfter(At("1952-01-01T00:00:00Z").UtcTicks, At("2100-01-01T00:00:00Z").UtcTicks));
        Assert.Equal(TimeSpan.FromHours(9).Ticks, offsets.OffsetAt(At("2099-06-01T00:00:00Z").UtcTicks));
    }

    private static long Offset(string hours) => TimeSpan.Parse(hours.TrimStart('-'), System.Globalization.CultureInfo.InvariantCulture).Ticks * (hours.StartsWith('-') ? -1 : 1);
}
