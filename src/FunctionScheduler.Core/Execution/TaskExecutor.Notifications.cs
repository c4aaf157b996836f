using FunctionScheduler.Core.Health;
using FunctionScheduler.Core.Model;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Execution;

// A failed run's failure action (docs/semantics.md §10), between the run's record and the clearing of its claim.
public sealed partial class TaskExecutor
{
    // The failure action goes out between the run's two records: the first makes the run visible at once, the second
    // keeps what came of the notification. The payload tells the task's state as this run leaves it.
    private async Task<RunRecord> NotifyAsync(StoredTask task, RunRecord run, CancellationToken cancellationToken)
    {
        var after = TaskHealth.AfterRecorded(task.Definition, task.State, run, time.GetUtcNow());
        var outcome = task.Definition.FailureAction is null
            ? run.Notification! with { Status = NotificationStatus.Failed, Error = "The task has no failure action any more.", CompletedAt = time.GetUtcNow() }
            : await notifier.RunFailedAsync(task.Definition, run, after, cancellationToken);
        var notified = run with { Notification = outcome };
        await runs.RecordAsync(notified, cancellationToken);
        LogNotified(task.Id, outcome.Id, outcome.Status, outcome.HttpStatus, outcome.Attempts);
        return notified;
    }

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Task {TaskId}: failure action notification {NotificationId} {Status} (HTTP {HttpStatus}, {Attempts} attempts)")]
    private partial void LogNotified(string taskId, string notificationId, NotificationStatus status, int? httpStatus, int attempts);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Task {TaskId}: paused after {Failures} consecutive failed runs")]
    private partial void LogAutoPaused(string taskId, long failures);
}
