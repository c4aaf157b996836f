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

    [Theory]
    //          macro               fields it stands for
    [InlineData("@yearly",          "0 0 1 1 *")]
    [InlineData("@annually",        "0 0 1 1 *")]
    [InlineData("@monthly",         "0 0 1 * *")]
    [InlineData("@weekly",          "0 0 * * 0")]
    [InlineData("@daily",           "0 0 * * *")]
    [InlineData("@midnight",        "0 0 * * *")]
    [InlineData("@hourly",          "0 * * * *")]
    [InlineData("@every_minute",    "* * * * *")]
    [InlineData("@every_second",    "* * * * * *")]
    [InlineData("@HOURLY",          "0 * * * *")]
    [InlineData(" @Daily ",         "0 0 * * *")]
    public void Parse_Macro_FiresAsTheFieldsItStandsFor(string macro, string fields)
    {
        var parsed = CronSyntax.Parse(macro);
        var expected = CronSyntax.Parse(fields);

        Assert.Null(CronSyntax.Check(macro));
        var from = Start;
        for (var i = 0; i < 5; i++)
        {
            var next = parsed.GetNextOccurrence(from);
            Assert.Equal(expected.GetNextOccurrence(from), next);
            from = next!.Value;
        }
    }

    [Theory]
    [InlineData("@HOURLY",          "@hourly")]
    [InlineData("\t@Every_Second ", "@every_second")]
    [InlineData("0  1 * *\t*",      "0 1 * * *")]
    public void Normalize_MacroOrFields_StoresOneSpelling(string expression, string stored)
    {
        Assert.Equal(stored, CronSyntax.Normalize(expression));
    }

    [Theory]
    [InlineData("@fortnightly")]
    [InlineData("@")]
    [InlineData("@daily 0")]
    [InlineData("@every_hour")]
    public void Check_UnknownMacro_NamesTheMacrosAccepted(string expression)
    {
        var problem = CronSyntax.Check(expression);

        Assert.NotNull(problem);
        Assert.Contains("@every_second", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("H * * * *")]
    [InlineData("0 H(0-5) * * *")]
    public void Check_HashedValue_IsAProblemNotAnException(string expression)
    {
        Assert.NotNull(CronSyntax.Check(expression));
    }

    [Theory]
    //          expression          fires again in a repeated hour
    [InlineData("0 * * * *",        true)]
    [InlineData("*/30 * * * *",     true)]
    [InlineData("0 9-17 * * *",     true)]
    [InlineData("0 0/2 * * *",      true)]
    [InlineData("*/20 0 1 * * *",   true)]
    [InlineData("30 1 * * *",       false)]
    [InlineData("0,30 1 * * *",     false)]
    [InlineData("0 0 12 ? * MON",   false)]
    [InlineData("0 0 L * *",        false)]
    [InlineData("@hourly",          true)]
    [InlineData("@every_second",    true)]
    [InlineData("@daily",           false)]
    [InlineData("@weekly",          false)]
    public void RepeatsInOverlap_Expression_TrueOnlyForIntervalLikeTimeFields(string expression, bool repeats)
    {
        Assert.Equal(repeats, CronSyntax.RepeatsInOverlap(expression));
    }
}
