using Cronos;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Validation;

public sealed class CronSyntaxTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc); // a Monday

    [Theory]
    [InlineData("*/15 * * * *",      "2026-03-02T10:15:00Z")]
    [InlineData("0 */5 * * * ?",     "2026-03-02T10:05:00Z")]
    [InlineData("30 * * * * *",      "2026-03-02T10:00:30Z")]
    [InlineData("0 0 ? * TUE",       "2026-03-03T00:00:00Z")]
    [InlineData("0 0 29 2 *",        "2028-02-29T00:00:00Z")]
    public void Parse_FiveOrSixFields_ReadsSecondsOnlyWithSix(string expression, string next)
    {
        var parsed = CronSyntax.Parse(expression);

        Assert.Equal(DateTime.Parse(next, null, System.Globalization.DateTimeStyles.AdjustToUniversal), parsed.GetNextOccurrence(Start));
    }

    [Theory]
    [InlineData("0 * * * *",        null)]
    [InlineData("0 61 * * *",       "Hours")]
    [InlineData("* * * *",          "5 fields")]
    [InlineData("0 0 0 * * * 2026", "5 fields")]
    [InlineData("0 0 30 2 *",       "never fires")]
    public void Check_Expression_ReturnsProblemOrNull(string expression, string? problemPart)
    {
        var problem = CronSyntax.Check(expression);

        if (problemPart is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(problemPart, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_WrongFieldCount_ThrowsCronFormatException()
    {
        Assert.Throws<CronFormatException>(() => CronSyntax.Parse("* * *"));
    }
}
