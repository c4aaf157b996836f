using FunctionScheduler.Contracts;
using FunctionScheduler.Core.Describing;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Tests.Describing;

public sealed class ScheduleTextTests
{
    [Theory]
    [InlineData("0 30 2 * * *",          "Europe/Berlin",    "At 02:30 every day, Europe/Berlin")]
    [InlineData("30 2 * * *",            "UTC",              "At 02:30 every day, UTC")]
    [InlineData("15 30 2 * * *",         "UTC",              "At 02:30:15 every day, UTC")]
    [InlineData("* * * * *",             "UTC",              "Every minute, UTC")]
    [InlineData("* * * * * *",           "UTC",              "Every second, UTC")]
    [InlineData("*/10 * * * * *",        "UTC",              "Every 10 seconds, UTC")]
    [InlineData("0 */5 * * * ?",         "UTC",              "Every 5 minutes, UTC")]
    [InlineData("30 * * * * *",          "UTC",              "Every minute, at second 30, UTC")]
    [InlineData("0 * * * *",             "UTC",              "Every hour, UTC")]
    [InlineData("15 * * * *",            "UTC",              "Every hour at minute 15, UTC")]
    [InlineData("0 9-17 * * MON-FRI",    "Europe/London",    "Every hour from 09:00 through 17:00 on weekdays, Europe/London")]
    [InlineData("*/15 9-17 * * 1-5",     "UTC",              "Every 15 minutes between 09:00 and 17:59 on weekdays, UTC")]
    [InlineData("0 8,20 * * *",          "UTC",              "At 08:00 and 20:00 every day, UTC")]
    [InlineData("0 0 */6 * * *",         "UTC",              "At 00:00, 06:00, 12:00 and 18:00 every day, UTC")]
    [InlineData("0 0 12 ? * MON",        "UTC",              "At 12:00 every Monday, UTC")]
    [InlineData("0 12 * * 1,3,5",        "UTC",              "At 12:00 every Monday, Wednesday and Friday, UTC")]
    [InlineData("0 12 * * SAT,SUN",      "UTC",              "At 12:00 every Saturday and Sunday, UTC")]
    [InlineData("0 0 L * *",             "UTC",              "At 00:00 on the last day of the month, UTC")]
    [InlineData("0 0 L-2 * *",           "UTC",              "At 00:00 on 2 days before the last day of the month, UTC")]
    [InlineData("0 0 LW * *",            "UTC",              "At 00:00 on the last weekday of the month, UTC")]
    [InlineData("0 0 15W * *",           "UTC",              "At 00:00 on the weekday nearest the 15th of the month, UTC")]
    [InlineData("0 0 * * 5L",            "UTC",              "At 00:00 on the last Friday of the month, UTC")]
    [InlineData("0 9 * * MON#2",         "UTC",              "At 09:00 on the second Monday of the month, UTC")]
    [InlineData("0 0 1,15 * *",          "UTC",              "At 00:00 on the 1st and the 15th of the month, UTC")]
    [InlineData("0 0 29 2 *",            "UTC",              "At 00:00 on 29 February, UTC")]
    [InlineData("0 0 13 * 5",            "UTC",              "At 00:00 on the 13th of the month, if that is a Friday, UTC")]
    [InlineData("0 6 * 3-10 *",          "UTC",              "At 06:00 every day from March to October, UTC")]
    [InlineData("0 6 1 1,4,7,10 *",      "UTC",              "At 06:00 on the 1st of January, April, July and October, UTC")]
    [InlineData("@daily",                "Asia/Tokyo",       "At 00:00 every day, Asia/Tokyo")]
    [InlineData("@hourly",               "UTC",              "Every hour, UTC")]
    [InlineData("@weekly",               "UTC",              "At 00:00 every Sunday, UTC")]
    [InlineData("@monthly",              "UTC",              "At 00:00 on the 1st of the month, UTC")]
    [InlineData("@yearly",               "UTC",              "At 00:00 on 1 January, UTC")]
    [InlineData("@every_second",         "UTC",              "Every second, UTC")]
    [InlineData("H 3 * * *",             "UTC",              "Cron 'H 3 * * *', UTC")]
    public void DescribeCron_Expression_ReadsAsWords(string cron, string zone, string expected)
    {
        Assert.Equal(expected, ScheduleText.DescribeCron(cron, zone));
    }

    [Theory]
    [InlineData("PT1M", null, "Every minute")]
    [InlineData("PT10S", null, "Every 10 seconds")]
    [InlineData("PT1H30M", "2026-01-01T00:15:00Z", "Every 1 hour 30 minutes from 2026-01-01 00:15 UTC")]
    [InlineData("P1D", null, "Every day")]
    [InlineData("PT1.5S", null, "Every 1.5 seconds")]
    public void Describe_Interval_SaysItsLengthAndAnchor(string interval, string? startAt, string expected)
    {
        Assert.True(IsoDuration.TryParse(interval, out var length));
        var schedule = new TaskSchedule
        {
            Kind = ScheduleKind.Interval,
            Interval = length,
            StartAt = startAt is null ? null : DateTimeOffset.Parse(startAt, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(expected, ScheduleText.Describe(schedule));
    }

    [Fact]
    public void Describe_Once_NamesTheInstantInUtc()
    {
        var schedule = new TaskSchedule { Kind = ScheduleKind.Once, At = new DateTimeOffset(2026, 3, 1, 3, 30, 0, TimeSpan.FromHours(1)) };

        Assert.Equal("Once, at 2026-03-01 02:30 UTC", ScheduleText.Describe(schedule));
    }

    [Fact]
    public void DescribeCron_EveryMinuteOfEveryHourAndDay_NeverFallsBackOrThrows()
    {
        // Every single value of each field, alone: each has words, never the fallback.
        var fields = new (int Index, int Min, int Max)[] { (0, 0, 59), (1, 0, 59), (2, 0, 23), (3, 1, 31), (4, 1, 12), (5, 0, 7) };
        foreach (var (index, min, max) in fields)
        {
            for (var value = min; value <= max; value++)
            {
                var parts = new[] { "0", "0", "0", "*", "*", "*" };
                parts[index] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var text = ScheduleText.DescribeCron(string.Join(' ', parts), "UTC");
                Assert.DoesNotContain("Cron '", text, StringComparison.Ordinal);
            }
        }
    }
}
