using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Tests.Validation;

/// <summary>
/// Compares definitions by value. Records compare their header dictionaries by reference, so both sides get the
/// same empty map after the maps' contents are compared on their own.
/// </summary>
internal static class DefinitionAssert
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public static void Equal(ScheduledTask expected, ScheduledTask actual)
    {
        Assert.Equal(Sorted(expected.Target.Headers), Sorted(actual.Target.Headers));
        Assert.Equal(Sorted(expected.Target.SecretHeaders), Sorted(actual.Target.SecretHeaders));
        Assert.Equal(expected.FailureAction is null, actual.FailureAction is null);
        if (expected.FailureAction is { } action)
        {
            Assert.Equal(Sorted(action.Headers), Sorted(actual.FailureAction!.Headers));
            Assert.Equal(Sorted(action.SecretHeaders), Sorted(actual.FailureAction.SecretHeaders));
        }

        Assert.Equal(WithoutHeaders(expected), WithoutHeaders(actual));
    }

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> headers) =>
        new(headers.ToDictionary(), StringComparer.Ordinal);

    private static ScheduledTask WithoutHeaders(ScheduledTask task) => task with
    {
        Target = task.Target with { Headers = NoHeaders, SecretHeaders = NoHeaders },
        FailureAction = task.FailureAction is { } action ? action with { Headers = NoHeaders, SecretHeaders = NoHeaders } : null,
    };
}
