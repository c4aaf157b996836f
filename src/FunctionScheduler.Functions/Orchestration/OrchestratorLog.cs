using FunctionScheduler.Core.Model;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Functions.Orchestration;

/// <summary>The orchestrator's log messages (written through its replay-safe logger).</summary>
internal static partial class OrchestratorLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Task {TaskId}: deleted; its orchestration ends")]
    public static partial void TaskGone(ILogger logger, string taskId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Task {TaskId}: nothing planned ({Lifecycle}); its orchestration waits for a change")]
    public static partial void Idle(ILogger logger, string taskId, TaskLifecycle? lifecycle);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Task {TaskId}: fired the occurrence scheduled at {ScheduledAt}; run status {Status} (empty when the task was deleted meanwhile)")]
    public static partial void Fired(ILogger logger, string taskId, DateTimeOffset scheduledAt, RunStatus? status);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Task {TaskId}: claiming failed after retries ({Error}); trying again shortly")]
    public static partial void ClaimFailed(ILogger logger, string taskId, string error);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Task {TaskId}: firing the occurrence scheduled at {ScheduledAt} failed after retries ({Error}); it stays claimed and is fired again shortly")]
    public static partial void FireFailed(ILogger logger, string taskId, DateTimeOffset scheduledAt, string error);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "Task {TaskId}: woken by {Cause} (timer set for {Until})")]
    public static partial void Woke(ILogger logger, string taskId, string cause, DateTimeOffset until);
}
