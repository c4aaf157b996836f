using FunctionScheduler.Core.Model;
using FunctionScheduler.Standalone.Dispatching;

namespace FunctionScheduler.Standalone.Tests.Dispatching;

public sealed class ClaimLeasesTests
{
    private static readonly TimeSpan Minimum = TimeSpan.FromMinutes(2);

    [Theory]
    // timeout s, attempts, max delay s, max duration s, expected worst fire s
    [InlineData(30, 1, 30, 120, 30)]     // no retry: one timeout
    [InlineData(30, 3, 30, 120, 150)]    // 3 x 30 + 2 x 30 = 150 < 120 + 30 = 150
    [InlineData(10, 3, 1, 120, 32)]      // 3 x 10 + 2 x 1 = 32 < 130: attempts bound
    [InlineData(60, 10, 30, 120, 180)]   // 10 x 60 + 9 x 30 = 870 > 120 + 60 = 180: duration bound
    public void WorstFire_RetryPolicy_BoundedByAttemptsOrDuration(int timeout, int attempts, int maxDelay, int maxDuration, int expected)
    {
        var target = Target(timeout, attempts, maxDelay, maxDuration);

        Assert.Equal(TimeSpan.FromSeconds(expected), ClaimLeases.WorstFire(target));
    }

    [Theory]
    // timeout s, attempts, due count, expected lease s
    [InlineData(5, 1, 1, 120)]       // short fires: the configured minimum
    [InlineData(5, 1, 0, 120)]       // nothing due counts as one
    [InlineData(30, 3, 1, 150)]      // one slow fire: its worst case
    [InlineData(30, 3, 4, 600)]      // several occurrences fired one after another
    public void For_DueOccurrences_CoversThemAllAndNeverLessThanTheMinimum(int timeout, int attempts, int due, int expected)
    {
        var target = Target(timeout, attempts, 30, 120);

        Assert.Equal(TimeSpan.FromSeconds(expected), ClaimLeases.For(target, due, Minimum));
    }

    private static HttpTarget Target(int timeout, int attempts, int maxDelay, int maxDuration) => new()
    {
        Url = new Uri("http://127.0.0.1/"),
        Timeout = TimeSpan.FromSeconds(timeout),
        Retry = new TargetRetryPolicy
        {
            MaxAttempts = attempts,
            MaxDelay = TimeSpan.FromSeconds(maxDelay),
            MaxDuration = TimeSpan.FromSeconds(maxDuration),
        },
    };
}
