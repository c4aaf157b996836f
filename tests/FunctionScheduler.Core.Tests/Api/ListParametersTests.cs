using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Tests.Api;

public sealed class ListParametersTests
{
    [Theory]
    [InlineData("active",    TaskLifecycle.Active)]
    [InlineData("paused",    TaskLifecycle.Paused)]
    [InlineData("completed", TaskLifecycle.Completed)]
    public void Validate_OneKnownState_FiltersByIt(string state, TaskLifecycle expected)
    {
        var errors = new ListParameters(State: state).Validate(out var query);

        Assert.Empty(errors);
        Assert.Equal(expected, query.Lifecycle);
    }

    [Fact]
    public void Validate_NoState_ListsEveryLifecycle()
    {
        var errors = new ListParameters().Validate(out var query);

        Assert.Empty(errors);
        Assert.Null(query.Lifecycle);
    }

    // Both hosts hand a repeated parameter (state=active&state=paused) over joined with commas.
    [Theory]
    [InlineData("active,paused")]
    [InlineData("paused,active")]
    [InlineData("active,active")]
    [InlineData("active, paused")]
    [InlineData("Active")]
    [InlineData("PAUSED")]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("7")]
    [InlineData(" active")]
    [InlineData("active ")]
    [InlineData("")]
    [InlineData("sleeping")]
    [InlineData("active|paused")]
    public void Validate_AnythingButOneKnownState_IsRefusedNamingTheParameter(string state)
    {
        var errors = new ListParameters(State: state).Validate(out var query);

        var error = Assert.Single(errors);
        Assert.Equal("?state", error.Pointer);
        Assert.Equal("one-of", error.Rule);
        Assert.Null(query.Lifecycle);
    }
}
