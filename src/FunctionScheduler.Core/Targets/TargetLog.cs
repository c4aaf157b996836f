using FunctionScheduler.Core.Model;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Targets;

/// <summary>Log events of the target invoker and outbound guard; ids 2100-2199 (listed in docs/telemetry.md).</summary>
internal static partial class TargetLog
{
    [LoggerMessage(EventId = 2100, EventName = "TargetRefused", Level = LogLevel.Warning,
        Message = "Outbound guard refused target host {Host}: {Reason}")]
    public static partial void TargetRefused(ILogger logger, string host, string reason);

    [LoggerMessage(EventId = 2101, EventName = "AttemptFailed", Level = LogLevel.Information,
        Message = "Run {RunId} attempt {Attempt} failed: {ErrorClass} (HTTP {HttpStatus}) {Error}")]
    public static partial void AttemptFailed(ILogger logger, string runId, int attempt, RunErrorClass errorClass, int? httpStatus, string? error);

    [LoggerMessage(EventId = 2102, EventName = "RetryScheduled", Level = LogLevel.Debug,
        Message = "Run {RunId} retries after attempt {Attempt} in {Delay}")]
    public static partial void RetryScheduled(ILogger logger, string runId, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 2103, EventName = "RetryBudgetExhausted", Level = LogLevel.Information,
        Message = "Run {RunId} stops after attempt {Attempt}: a retry in {Delay} would start after its maximum duration {MaxDuration}")]
    public static partial void RetryBudgetExhausted(ILogger logger, string runId, int attempt, TimeSpan delay, TimeSpan maxDuration);

    [LoggerMessage(EventId = 2104, EventName = "InvocationSucceeded", Level = LogLevel.Information,
        Message = "Run {RunId} of task {TaskId} succeeded with HTTP {HttpStatus} after {Attempts} attempt(s) in {Duration}")]
    public static partial void InvocationSucceeded(ILogger logger, string runId, string taskId, int? httpStatus, int attempts, TimeSpan duration);

    [LoggerMessage(EventId = 2105, EventName = "InvocationFailed", Level = LogLevel.Warning,
        Message = "Run {RunId} of task {TaskId} failed: {ErrorClass} (HTTP {HttpStatus}) after {Attempts} attempt(s) in {Duration}: {Error}")]
    public static partial void InvocationFailed(
        ILogger logger, string runId, string taskId, RunErrorClass errorClass, int? httpStatus, int attempts, TimeSpan duration, string? error);

    [LoggerMessage(EventId = 2106, EventName = "InvocationCanceled", Level = LogLevel.Information,
        Message = "Run {RunId} of task {TaskId} was cancelled after {Attempts} attempt(s)")]
    public static partial void InvocationCanceled(ILogger logger, string runId, string taskId, int attempts);
}
