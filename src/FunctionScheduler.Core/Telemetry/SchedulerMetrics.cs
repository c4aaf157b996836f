using System.Diagnostics;
using System.Diagnostics.Metrics;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Telemetry;

/// <summary>
/// The scheduler's metrics, on the meter <see cref="SchedulerTelemetry.MeterName"/>. Created through
/// <see cref="IMeterFactory"/> so that each service provider (each test) gets its own instruments.
/// </summary>
/// <remarks>
/// Who records what: the target invoker records <see cref="RunsName"/> for every invocation it makes and
/// <see cref="RetriesName"/> for every retry; runtimes record <see cref="RunsName"/> only for missed records
/// (<see cref="RecordMissed"/>), <see cref="FireLatenessName"/> when a fire starts, and keep
/// <see cref="ActiveTasksName"/> up to date.
/// </remarks>
public sealed class SchedulerMetrics
{
    /// <summary>Histogram, milliseconds: how late a fire started relative to its fire instant.</summary>
    public const string FireLatenessName = "scheduler.fire.lateness";

    /// <summary>Counter: runs by outcome and error class.</summary>
    public const string RunsName = "scheduler.runs";

    /// <summary>Counter: HTTP retries, by the error class of the attempt that was retried.</summary>
    public const string RetriesName = "scheduler.retries";

    /// <summary>Up-down counter: tasks this process currently schedules.</summary>
    public const string ActiveTasksName = "scheduler.tasks.active";

    /// <summary>Counter: overdue episodes detected (a task going unrecorded past an occurrence's deadline), each once.</summary>
    public const string OverdueName = "scheduler.tasks.overdue";

    /// <summary>Counter: failure action notifications sent, by event and outcome.</summary>
    public const string NotificationsName = "scheduler.notifications";

    private readonly Histogram<double> _fireLateness;
    private readonly Counter<long> _runs;
    private readonly Counter<long> _retries;
    private readonly UpDownCounter<long> _activeTasks;
    private readonly Counter<long> _overdue;
    private readonly Counter<long> _notifications;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public SchedulerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(SchedulerTelemetry.MeterName);
        _fireLateness = meter.CreateHistogram<double>(FireLatenessName, "ms", "How late a fire started relative to its fire instant (jitter included).");
        _runs = meter.CreateCounter<long>(RunsName, "{run}", "Runs recorded, by outcome and error class.");
        _retries = meter.CreateCounter<long>(RetriesName, "{retry}", "HTTP attempts retried, by the error class of the failed attempt.");
        _activeTasks = meter.CreateUpDownCounter<long>(ActiveTasksName, "{task}", "Tasks this process currently schedules.");
        _overdue = meter.CreateCounter<long>(OverdueName, "{task}", "Overdue episodes detected: a task's due occurrence unrecorded past its fire instant plus the tolerance.");
        _notifications = meter.CreateCounter<long>(NotificationsName, "{notification}", "Failure action notifications sent, by event and outcome.");
    }

    /// <summary>Records how late the fire of <paramref name="occurrence"/> started (negative when early).</summary>
    public void RecordFireLateness(Occurrence occurrence, DateTimeOffset startedAt) =>
        _fireLateness.Record(
            (startedAt - occurrence.FireAt).TotalMilliseconds,
            new KeyValuePair<string, object?>(SchedulerTags.OccurrenceKind, Targets.SchedulerHeaders.KindValue(occurrence.Kind)));

    /// <summary>Counts one run that made (or tried to make) its HTTP call. The invoker calls this.</summary>
    public void RecordRun(RunStatus status, RunErrorClass errorClass)
    {
        var tags = new TagList
        {
            { SchedulerTags.Outcome, SchedulerTelemetry.OutcomeName(status) },
            { SchedulerTags.ErrorClass, SchedulerTelemetry.ErrorClassName(errorClass) },
        };
        _runs.Add(1, tags);
    }

    /// <summary>Counts <paramref name="count"/> occurrences skipped by the misfire policy (one missed record may stand for many).</summary>
    public void RecordMissed(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var tags = new TagList
        {
            { SchedulerTags.Outcome, SchedulerTelemetry.OutcomeName(RunStatus.Missed) },
            { SchedulerTags.ErrorClass, SchedulerTelemetry.ErrorClassName(RunErrorClass.None) },
        };
        _runs.Add(count, tags);
    }

    /// <summary>Counts one retry of an attempt that failed with <paramref name="errorClass"/>.</summary>
    public void RecordRetry(RunErrorClass errorClass) =>
        _retries.Add(1, new KeyValuePair<string, object?>(SchedulerTags.ErrorClass, SchedulerTelemetry.ErrorClassName(errorClass)));

    /// <summary>
    /// Adjusts the active task count: +1 when this process starts scheduling a task (created, resumed, or picked up
    /// at startup), -1 when it stops (paused, completed, deleted, or handed to another process).
    /// </summary>
    public void AddActiveTasks(long delta) => _activeTasks.Add(delta);

    /// <summary>Counts one overdue episode, when the check that noticed it has stored its mark.</summary>
    public void RecordOverdue() => _overdue.Add(1);

    /// <summary>Counts one failure action notification that was sent (whatever came of it).</summary>
    public void RecordNotification(NotificationEvent notificationEvent, NotificationStatus status)
    {
        var tags = new TagList
        {
            { SchedulerTags.NotificationEvent, notificationEvent == NotificationEvent.RunFailed ? "run_failed" : "overdue" },
            { SchedulerTags.NotificationOutcome, status == NotificationStatus.Succeeded ? "succeeded" : "failed" },
        };
        _notifications.Add(1, tags);
    }
}
