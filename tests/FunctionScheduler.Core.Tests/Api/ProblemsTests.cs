using System.Globalization;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Api;

public sealed class ProblemsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(Problems.MaxListedErrors)]
    public void Validation_UpToTheCap_ListsEveryErrorAndCountsThem(int count)
    {
        var errors = Errors(count);

        var problem = Assert.IsType<ProblemDocument>(Problems.Validation(errors).Body);

        Assert.Equal(errors, problem.Errors);
        Assert.Equal(count, problem.ErrorCount);
    }

    [Fact]
    public void Validation_MoreThanTheCap_ListsTheFirstFiftyAndCountsAll()
    {
        var errors = Errors(20_000);

        var problem = Assert.IsType<ProblemDocument>(Problems.Validation(errors).Body);

        Assert.Equal(errors.Take(Problems.MaxListedErrors), problem.Errors);
        Assert.Equal(20_000, problem.ErrorCount);
        Assert.StartsWith("20000 fields break a rule", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Conflict_MoreThanTheCap_ListsTheFirstFiftyAndCountsAll()
    {
        var errors = Errors(Problems.MaxListedErrors + 1);

        var problem = Assert.IsType<ProblemDocument>(Problems.Conflict("conflict", errors).Body);

        Assert.Equal(errors.Take(Problems.MaxListedErrors), problem.Errors);
        Assert.Equal(Problems.MaxListedErrors + 1, problem.ErrorCount);
    }

    [Fact]
    public void Conflict_WithoutErrors_HasNeitherListNorCount()
    {
        var problem = Assert.IsType<ProblemDocument>(Problems.Conflict("conflict").Body);

        Assert.Null(problem.Errors);
        Assert.Null(problem.ErrorCount);
        Assert.DoesNotContain("errorCount", SchedulerJson.Serialize(problem), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_CappedProblem_WritesErrorCountBesideTheList()
    {
        var json = SchedulerJson.Serialize(Problems.Validation(Errors(60)).Body);

        Assert.Contains("\"errorCount\":60", json, StringComparison.Ordinal);
    }

    private static List<FieldError> Errors(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new FieldError(
            "/p" + i.ToString(CultureInfo.InvariantCulture), ValidationRules.UnknownProperty, "Not a property here."))];
}
