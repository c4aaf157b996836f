using System.Globalization;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// Headers the scheduler puts on every attempt, and the formats of their values. A definition's own headers never
/// replace these (nor traceparent/tracestate): the scheduler's values win.
/// </summary>
public static class SchedulerHeaders
{
    /// <summary>The run id; the same on every attempt of a run, so receivers deduplicate on it.</summary>
    public const string RunId = SignatureHeaders.RunId;

    /// <summary>The task id.</summary>
    public const string TaskId = "X-Scheduler-Task-Id";

    /// <summary>The occurrence's nominal instant (<see cref="Occurrence.ScheduledAt"/>), see <see cref="FormatInstant"/>.</summary>
    public const string ScheduledAt = "X-Scheduler-Scheduled-At";

    /// <summary>1-based attempt number within the run.</summary>
    public const string Attempt = "X-Scheduler-Attempt";

    /// <summary>"scheduled", "manual" or "backfill", see <see cref="KindValue"/>.</summary>
    public const string Kind = "X-Scheduler-Kind";

    /// <summary>On a failure action's notification only: "runFailed" or "overdue".</summary>
    public const string Event = "X-Scheduler-Event";

    /// <summary><c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>, one v1 per active key; see docs/signatures.md.</summary>
    public const string Signature = SignatureHeaders.Signature;

    /// <summary>Ids of the keys that made <see cref="Signature"/>, comma-separated, so receivers can hold two keys during a rotation.</summary>
    public const string KeyId = SignatureHeaders.KeyId;

    /// <summary>W3C trace context of the attempt span.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>W3C trace state of the attempt span, when it has one.</summary>
    public const string TraceState = "tracestate";

    /// <summary>Every header name the scheduler owns; a definition's header with one of these names is dropped.</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(
        [RunId, TaskId, ScheduledAt, Attempt, Kind, Event, Signature, KeyId, TraceParent, TraceState],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>ISO-8601 in UTC with trailing zero fractions trimmed: 2025-03-30T01:30:00Z, 2025-03-30T01:30:00.25Z.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>"scheduled", "manual" or "backfill".</summary>
    public static string KindValue(OccurrenceKind kind) => kind switch
    {
        OccurrenceKind.Scheduled => "scheduled",
        OccurrenceKind.Manual => "manual",
        OccurrenceKind.Backfill => "backfill",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown occurrence kind."),
    };
}
