using System.Diagnostics;
using System.Globalization;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;

namespace FunctionScheduler.Core.Telemetry;

/// <summary>
/// The scheduler's tracing: one <see cref="System.Diagnostics.ActivitySource"/> named <see cref="ActivitySourceName"/>
/// with two spans, <see cref="FireSpanName"/> (one per fire, started by the runtime) and <see cref="AttemptSpanName"/>
/// (one per HTTP attempt, started by the invoker as a child of the fire span). Hosts subscribe with OpenTelemetry's
/// <c>AddSource(SchedulerTelemetry.ActivitySourceName)</c> and <c>AddMeter(SchedulerTelemetry.MeterName)</c>.
/// </summary>
public static class SchedulerTelemetry
{
    /// <summary>Name of the scheduler's activity source.</summary>
    public const string ActivitySourceName = "FunctionScheduler";

    /// <summary>Name of the scheduler's meter (see <see cref="SchedulerMetrics"/>).</summary>
    public const string MeterName = "FunctionScheduler";

    /// <summary>The span around one fire of a task: claim, HTTP call with its retries, recording.</summary>
    public const string FireSpanName = "scheduler.fire";

    /// <summary>The span around one HTTP attempt; its context is the traceparent the target receives.</summary>
    public const string AttemptSpanName = "scheduler.attempt";

    /// <summary>The scheduler's activity source.</summary>
    public static ActivitySource ActivitySource { get; } = new(ActivitySourceName);

    /// <summary>
    /// Starts the <see cref="FireSpanName"/> span for one fire, as a child of <see cref="Activity.Current"/> if any.
    /// Returns null when nobody listens; dispose the result when the fire ends.
    /// </summary>
    public static Activity? StartFire(string taskId, string runId, Occurrence occurrence)
    {
        var activity = ActivitySource.StartActivity(FireSpanName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(SchedulerTags.TaskId, taskId);
            activity.SetTag(SchedulerTags.RunId, runId);
            activity.SetTag(SchedulerTags.OccurrenceKind, SchedulerHeaders.KindValue(occurrence.Kind));
            activity.SetTag(SchedulerTags.ScheduledAt, SchedulerHeaders.FormatInstant(occurrence.ScheduledAt));
            activity.SetTag(SchedulerTags.FireAt, SchedulerHeaders.FormatInstant(occurrence.FireAt));
        }

        return activity;
    }

    /// <summary>The snake-case name of an error class, as metrics and spans carry it.</summary>
    public static string ErrorClassName(RunErrorClass errorClass) => errorClass switch
    {
        RunErrorClass.None => "none",
        RunErrorClass.Timeout => "timeout",
        RunErrorClass.Connection => "connection",
        RunErrorClass.HttpStatus => "http_status",
        RunErrorClass.TargetRefused => "target_refused",
        RunErrorClass.Canceled => "canceled",
        RunErrorClass.IdentityToken => "identity_token",
        RunErrorClass.Assertion => "assertion",
        _ => throw new ArgumentOutOfRangeException(nameof(errorClass), errorClass, "Unknown error class."),
    };

    /// <summary>The lower-case name of a run status, as metrics carry it.</summary>
    public static string OutcomeName(RunStatus status) => status switch
    {
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        RunStatus.Missed => "missed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };

    /// <summary>
    /// Starts the <see cref="AttemptSpanName"/> span for one HTTP attempt, as a child of the current (fire) span.
    /// </summary>
    internal static Activity? StartAttempt(TargetInvocation invocation, int attempt)
    {
        var activity = ActivitySource.StartActivity(AttemptSpanName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            var url = invocation.Target.Url;
            activity.SetTag(SchedulerTags.TaskId, invocation.TaskId);
            activity.SetTag(SchedulerTags.RunId, invocation.RunId);
            activity.SetTag(SchedulerTags.Attempt, attempt);
            activity.SetTag(SchedulerTags.HttpRequestMethod, invocation.Target.Method);
            activity.SetTag(SchedulerTags.ServerAddress, url.Host);
            activity.SetTag(SchedulerTags.ServerPort, url.Port);

            // Query strings and user info often carry credentials; spans are exported far and wide.
            activity.SetTag(SchedulerTags.UrlFull, url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped));
        }

        return activity;
    }

    /// <summary>Records an attempt's outcome on its span: the status received, and for a failure the error type and status.</summary>
    internal static void EndAttempt(Activity? span, int? httpStatus, RunErrorClass errorClass, string? error)
    {
        if (span is null)
        {
            return;
        }

        if (httpStatus is { } status)
        {
            span.SetTag(SchedulerTags.HttpResponseStatusCode, status);
        }

        if (errorClass != RunErrorClass.None)
        {
            span.SetTag(SchedulerTags.ErrorType, errorClass == RunErrorClass.HttpStatus && httpStatus is { } code
                ? code.ToString(CultureInfo.InvariantCulture)
                : ErrorClassName(errorClass));
            span.SetStatus(ActivityStatusCode.Error, error);
        }
    }
}
