using System.Diagnostics;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Telemetry;

namespace FunctionScheduler.Core.Tests.Telemetry;

public sealed class SchedulerTelemetryTests
{
    private static readonly DateTimeOffset ScheduledAt = new(2025, 3, 30, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public void StartFire_Listened_EmitsFireSpanWithRunTags()
    {
        using var spans = new SpanRecorder();
        var taskId = "t-" + Guid.NewGuid().ToString("N")[..12];
        var occurrence = Occurrence.Scheduled(ScheduledAt, ScheduledAt.AddMilliseconds(1500));
        var runId = RunId.For(taskId, occurrence, 1);

        using (var fire = SchedulerTelemetry.StartFire(taskId, runId, occurrence))
        {
            Assert.NotNull(fire);
            Assert.Same(fire, Activity.Current);
        }

        var span = Assert.Single(spans.For(taskId, SchedulerTelemetry.FireSpanName));
        Assert.Equal(SchedulerTelemetry.ActivitySourceName, span.Source.Name);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(runId, span.GetTagItem(SchedulerTags.RunId));
        Assert.Equal("scheduled", span.GetTagItem(SchedulerTags.OccurrenceKind));
        Assert.Equal("2025-03-30T01:30:00Z", span.GetTagItem(SchedulerTags.ScheduledAt));
        Assert.Equal("2025-03-30T01:30:01.5Z", span.GetTagItem(SchedulerTags.FireAt));
    }

    [Theory]
    [InlineData(RunErrorClass.None, "none")]
    [InlineData(RunErrorClass.Timeout, "timeout")]
    [InlineData(RunErrorClass.Connection, "connection")]
    [InlineData(RunErrorClass.HttpStatus, "http_status")]
    [InlineData(RunErrorClass.TargetRefused, "target_refused")]
    [InlineData(RunErrorClass.Canceled, "canceled")]
    public void ErrorClassName_EveryClass_HasASnakeCaseName(RunErrorClass errorClass, string expected) =>
        Assert.Equal(expected, SchedulerTelemetry.ErrorClassName(errorClass));
}
