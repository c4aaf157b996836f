using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Telemetry;
using FunctionScheduler.Core.Tests.Targets;
using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace FunctionScheduler.Core.Tests.Telemetry;

public sealed class SchedulerMetricsTests : IDisposable
{
    private static readonly DateTimeOffset FireAt = new(2025, 3, 30, 1, 30, 2, TimeSpan.Zero);

    // Each test has its own provider, hence its own meter factory: the collectors see this test's measurements only.
    private readonly ServiceProvider _services = new ServiceCollection().AddSchedulerTelemetry().BuildServiceProvider();

    private SchedulerMetrics Metrics => _services.GetRequiredService<SchedulerMetrics>();

    [Fact]
    public void RecordFireLateness_LateStart_RecordsMillisecondsWithKind()
    {
        using var lateness = Collector<double>(SchedulerMetrics.FireLatenessName);

        Metrics.RecordFireLateness(Occurrence.Manual(FireAt), FireAt.AddMilliseconds(250));

        var measurement = Assert.Single(lateness.GetMeasurementSnapshot());
        Assert.Equal(250, measurement.Value);
        Assert.Equal("manual", measurement.Tags[SchedulerTags.OccurrenceKind]);
    }

    [Fact]
    public void RecordRun_And_RecordMissed_CountByOutcomeAndErrorClass()
    {
        using var runs = Collector<long>(SchedulerMetrics.RunsName);

        Metrics.RecordRun(RunStatus.Failed, RunErrorClass.Timeout);
        Metrics.RecordMissed(3);

        var snapshot = runs.GetMeasurementSnapshot();
        Assert.Equal(2, snapshot.Count);
        Assert.Equal(1, snapshot[0].Value);
        Assert.Equal("failed", snapshot[0].Tags[SchedulerTags.Outcome]);
        Assert.Equal("timeout", snapshot[0].Tags[SchedulerTags.ErrorClass]);
        Assert.Equal(3, snapshot[1].Value);
        Assert.Equal("missed", snapshot[1].Tags[SchedulerTags.Outcome]);
    }

    [Fact]
    public void AddActiveTasks_UpsAndDowns_SumToTheActiveCount()
    {
        using var active = Collector<long>(SchedulerMetrics.ActiveTasksName);

        Metrics.AddActiveTasks(1);
        Metrics.AddActiveTasks(1);
        Metrics.AddActiveTasks(-1);

        Assert.Equal(1, active.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task Invoker_RetriedThenSucceeded_CountsOneRunAndItsRetries()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/flap", TargetBehaviors.FailThenSucceed(2, 503)));
        using var harness = InvokerHarness.Loopback();
        using var runs = new MetricCollector<long>(harness.MeterFactory, SchedulerTelemetry.MeterName, SchedulerMetrics.RunsName);
        using var retries = new MetricCollector<long>(harness.MeterFactory, SchedulerTelemetry.MeterName, SchedulerMetrics.RetriesName);

        await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("flap")));

        var run = Assert.Single(runs.GetMeasurementSnapshot());
        Assert.Equal("succeeded", run.Tags[SchedulerTags.Outcome]);
        Assert.Equal("none", run.Tags[SchedulerTags.ErrorClass]);
        var retried = retries.GetMeasurementSnapshot();
        Assert.Equal(2, retried.Count);
        Assert.All(retried, r => Assert.Equal("http_status", r.Tags[SchedulerTags.ErrorClass]));
    }

    public void Dispose() => _services.Dispose();

    private MetricCollector<T> Collector<T>(string instrument)
        where T : struct =>
        new(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), SchedulerTelemetry.MeterName, instrument);
}
