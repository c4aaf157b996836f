namespace FunctionScheduler.Core.Telemetry;

/// <summary>
/// Attribute (tag) names on the scheduler's spans and metrics. Where OpenTelemetry's semantic conventions name a
/// fact (HTTP method, status, error type) their name is used; the rest live under "scheduler.".
/// </summary>
public static class SchedulerTags
{
    /// <summary>The task's id.</summary>
    public const string TaskId = "scheduler.task.id";

    /// <summary>The run id sent to the target.</summary>
    public const string RunId = "scheduler.run.id";

    /// <summary>"scheduled" or "manual".</summary>
    public const string OccurrenceKind = "scheduler.occurrence.kind";

    /// <summary>The occurrence's nominal instant, ISO-8601 UTC.</summary>
    public const string ScheduledAt = "scheduler.scheduled_at";

    /// <summary>The occurrence's fire instant (nominal plus jitter), ISO-8601 UTC.</summary>
    public const string FireAt = "scheduler.fire_at";

    /// <summary>1-based number of the HTTP attempt within its run.</summary>
    public const string Attempt = "scheduler.attempt";

    /// <summary>Run outcome: "succeeded", "failed" or "missed".</summary>
    public const string Outcome = "scheduler.outcome";

    /// <summary>The <see cref="RunErrorClass"/> in snake case ("none", "timeout", "connection", ...).</summary>
    public const string ErrorClass = "scheduler.error_class";

    /// <summary>A failure action notification's event: "run_failed" or "overdue".</summary>
    public const string NotificationEvent = "scheduler.notification.event";

    /// <summary>How a notification went: "succeeded" or "failed".</summary>
    public const string NotificationOutcome = "scheduler.notification.outcome";

    /// <summary>OpenTelemetry's HTTP method attribute.</summary>
    public const string HttpRequestMethod = "http.request.method";

    /// <summary>OpenTelemetry's HTTP status attribute.</summary>
    public const string HttpResponseStatusCode = "http.response.status_code";

    /// <summary>OpenTelemetry's target host attribute.</summary>
    public const string ServerAddress = "server.address";

    /// <summary>OpenTelemetry's target port attribute.</summary>
    public const string ServerPort = "server.port";

    /// <summary>OpenTelemetry's URL attribute; the scheduler records it without query string or user info.</summary>
    public const string UrlFull = "url.full";

    /// <summary>OpenTelemetry's error type attribute: the error class, or the status code for an HTTP error.</summary>
    public const string ErrorType = "error.type";
}
