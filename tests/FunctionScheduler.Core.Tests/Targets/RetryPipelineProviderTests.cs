using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionScheduler.Core.Tests.Targets;

public sealed class RetryPipelineProviderTests
{
    private static readonly Uri Url = new("https://example.com/run");

    [Fact]
    public void Get_EqualPolicyValues_ReuseOnePipeline()
    {
        var provider = NewProvider();
        var first = new HttpTarget { Url = Url, Retry = new TargetRetryPolicy { MaxAttempts = 4 } };
        var second = new HttpTarget { Url = new Uri("https://example.org/other"), Retry = new TargetRetryPolicy { MaxAttempts = 4 } };

        Assert.Same(provider.Get(first), provider.Get(second));
    }

    [Fact]
    public void Get_DifferentPolicyOrTimeout_BuildsAnotherPipeline()
    {
        var provider = NewProvider();
        var target = new HttpTarget { Url = Url };

        var pipeline = provider.Get(target);

        Assert.NotSame(pipeline, provider.Get(target with { Retry = target.Retry with { MaxAttempts = 5 } }));
        Assert.NotSame(pipeline, provider.Get(target with { Timeout = TimeSpan.FromSeconds(3) }));
    }

    [Fact]
    public void Get_ValuesOutsidePollyRanges_AreClampedNotThrown()
    {
        var provider = NewProvider();
        var target = new HttpTarget
        {
            Url = Url,
            Timeout = TimeSpan.FromMilliseconds(1),
            Retry = new TargetRetryPolicy { MaxAttempts = 1, InitialDelay = TimeSpan.FromDays(3), MaxDelay = TimeSpan.FromDays(2) },
        };

        Assert.NotNull(provider.Get(target));
        Assert.NotNull(provider.Get(target with { Retry = target.Retry with { MaxAttempts = 2 } }));
    }

    private static RetryPipelineProvider NewProvider()
    {
        var services = new ServiceCollection().AddSchedulerTelemetry().BuildServiceProvider();
        return new RetryPipelineProvider(TimeProvider.System, services.GetRequiredService<SchedulerMetrics>(), NullLogger.Instance);
    }
}
