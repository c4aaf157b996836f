using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Tests.Storage;

/// <summary>
/// Deep equality for definitions and states: the model's records hold dictionaries and lists, which records compare
/// by reference, so each part is compared by content here.
/// </summary>
internal static class StoredTaskAssert
{
    public static void Equal(ScheduledTask expected, ScheduledTask actual)
    {
        Assert.Equal(expected with { Target = actual.Target, FailureAction = actual.FailureAction }, actual);
        Assert.Equal(expected.FailureAction is null, actual.FailureAction is null);
        if (expected.FailureAction is { } action)
        {
            Assert.Equal(action with { Headers = actual.FailureAction!.Headers, SecretHeaders = actual.FailureAction.SecretHeaders }, actual.FailureAction);
            Assert.Equal(action.Headers.OrderBy(h => h.Key), actual.FailureAction.Headers.OrderBy(h => h.Key));
            Assert.Equal(action.SecretHeaders.OrderBy(h => h.Key), actual.FailureAction.SecretHeaders.OrderBy(h => h.Key));
        }

        Assert.Equal(expected.Target with { Headers = actual.Target.Headers, SecretHeaders = actual.Target.SecretHeaders }, actual.Target);
        Assert.Equal(expected.Target.Headers.OrderBy(h => h.Key), actual.Target.Headers.OrderBy(h => h.Key));
        Assert.Equal(expected.Target.SecretHeaders.OrderBy(h => h.Key), actual.Target.SecretHeaders.OrderBy(h => h.Key));
    }

    public static void Equal(TaskRunState expected, TaskRunState actual)
    {
        Assert.Equal(expected with { InFlight = actual.InFlight, RunRequests = actual.RunRequests, RunStats = actual.RunStats }, actual);
        Assert.Equal(expected.InFlight, actual.InFlight);
        Assert.Equal(expected.RunRequests, actual.RunRequests);
        Assert.Equal(expected.RunStats with { Recent = actual.RunStats.Recent }, actual.RunStats);
        Assert.Equal(expected.RunStats.Recent, actual.RunStats.Recent);
    }
}
