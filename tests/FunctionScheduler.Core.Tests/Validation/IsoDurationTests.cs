using CsCheck;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Validation;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("PT0S",            0L)]
    [InlineData("PT30S",           30L * TimeSpan.TicksPerSecond)]
    [InlineData("PT1M30S",         90L * TimeSpan.TicksPerSecond)]
    [InlineData("PT1H",            TimeSpan.TicksPerHour)]
    [InlineData("P1D",             TimeSpan.TicksPerDay)]
    [InlineData("P1DT12H",         TimeSpan.TicksPerDay + (12 * TimeSpan.TicksPerHour))]
    [InlineData("PT0.5S",          TimeSpan.TicksPerSecond / 2)]
    [InlineData("PT0,25S",         TimeSpan.TicksPerSecond / 4)]
    [InlineData("PT0.0000001S",    1L)]
    [InlineData("PT90M",           90L * TimeSpan.TicksPerMinute)]
    [InlineData("PT36H",           36L * TimeSpan.TicksPerHour)]
    [InlineData("-PT1S",           -TimeSpan.TicksPerSecond)]
    public void TryParse_SupportedForm_ReturnsValue(string text, long ticks)
    {
        Assert.True(IsoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromTicks(ticks), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("30s")]
    [InlineData("00:00:30")]
    [InlineData("pt30s")]
    [InlineData("P1Y")]
    [InlineData("P1M")]
    [InlineData("P2W")]
    [InlineData("PT1S1M")]
    [InlineData("PT0.00000001S")]
    [InlineData("PT1.S")]
    [InlineData(" PT1S")]
    [InlineData("PT1S ")]
    [InlineData("+PT1S")]
    [InlineData("P99999999D")]
    public void TryParse_AnythingElse_ReturnsFalse(string? text)
    {
        Assert.False(IsoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0L,                                                          "PT0S")]
    [InlineData(30L * TimeSpan.TicksPerSecond,                               "PT30S")]
    [InlineData(90L * TimeSpan.TicksPerSecond,                               "PT1M30S")]
    [InlineData(TimeSpan.TicksPerHour,                                       "PT1H")]
    [InlineData(TimeSpan.TicksPerDay,                                        "P1D")]
    [InlineData(TimeSpan.TicksPerDay + TimeSpan.TicksPerHour + 1,            "P1DT1H0.0000001S")]
    [InlineData(TimeSpan.TicksPerSecond / 2,                                 "PT0.5S")]
    [InlineData(-TimeSpan.TicksPerMinute,                                    "-PT1M")]
    public void Format_Value_WritesShortestForm(long ticks, string expected)
    {
        Assert.Equal(expected, IsoDuration.Format(TimeSpan.FromTicks(ticks)));
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(-1L)]
    public void Format_ExtremeValue_ParsesBackToSameValue(long ticks)
    {
        Assert.True(IsoDuration.TryParse(IsoDuration.Format(TimeSpan.FromTicks(ticks)), out var parsed));
        Assert.Equal(TimeSpan.FromTicks(ticks), parsed);
    }

    [Fact]
    public void Format_AnyValue_ParsesBackToSameValue()
    {
        Gen.Long.Select(TimeSpan.FromTicks).Sample(value =>
        {
            Assert.True(IsoDuration.TryParse(IsoDuration.Format(value), out var parsed));
            Assert.Equal(value, parsed);
        });
    }
}
