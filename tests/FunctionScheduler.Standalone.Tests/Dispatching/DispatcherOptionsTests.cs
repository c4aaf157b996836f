using System.ComponentModel.DataAnnotations;
using FunctionScheduler.Standalone.Dispatching;

namespace FunctionScheduler.Standalone.Tests.Dispatching;

public sealed class DispatcherOptionsTests
{
    [Theory]
    [InlineData(2, 10, true)]     // the defaults
    [InlineData(2, 6, true)]      // three intervals exactly
    [InlineData(2, 5.9, false)]   // one slow write could make a live instance look dead
    [InlineData(0.2, 1, true)]
    public void Validate_HostTimeout_AtLeastThreeHeartbeatIntervals(double intervalSeconds, double timeoutSeconds, bool valid)
    {
        var options = new DispatcherOptions
        {
            HeartbeatInterval = TimeSpan.FromSeconds(intervalSeconds),
            HostTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        };

        var results = Validate(options);

        Assert.Equal(valid, results.Count == 0);
        if (!valid)
        {
            Assert.Contains("Scheduler:Standalone:Dispatcher:HostTimeout", Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("host-7.a_b", true)]
    [InlineData("a/b", false)]     // a row key may not hold '/', '\', '#' or '?'
    [InlineData("a#b", false)]
    [InlineData("-leading", false)]
    public void Validate_InstanceId_UsableAsARowKey(string id, bool valid)
    {
        var results = Validate(new DispatcherOptions { InstanceId = id });

        Assert.Equal(valid, results.Count == 0);
    }

    private static List<ValidationResult> Validate(DispatcherOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
