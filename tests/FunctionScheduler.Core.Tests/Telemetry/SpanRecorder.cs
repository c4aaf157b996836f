using System.Collections.Concurrent;
using System.Diagnostics;
using FunctionScheduler.Core.Telemetry;

namespace FunctionScheduler.Core.Tests.Telemetry;

/// <summary>
/// Records the scheduler's finished spans. Listeners are process-wide and tests run in parallel, so lookups filter
/// by the test's own (unique) task id.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SchedulerTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Finished spans named <paramref name="name"/> of task <paramref name="taskId"/>, in start order.</summary>
    public IReadOnlyList<Activity> For(string taskId, string name) =>
        [.. _stopped
            .Where(a => a.OperationName == name && (string?)a.GetTagItem(SchedulerTags.TaskId) == taskId)
            .OrderBy(a => a.StartTimeUtc)];

    public void Dispose() => _listener.Dispose();
}
