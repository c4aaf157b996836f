using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using FunctionScheduler.Core.Health;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Api.Representations;

/// <summary>
/// Maps what issue 13 added to the model (response checks, failure actions, notifications, overdue marks, health)
/// to the wire types, beside <see cref="RepresentationMapping"/> and in the same style.
/// </summary>
[SuppressMessage("Naming", "CA1708", Justification = "The analyzer reads every extension block as a member named 'extension'.")]
public static class HealthMapping
{
    extension(SuccessRepresentation)
    {
        /// <summary>The representation of <paramref name="check"/>, every default written out.</summary>
        public static SuccessRepresentation From(ResponseCheck check)
        {
            ArgumentNullException.ThrowIfNull(check);
            return new SuccessRepresentation
            {
                Statuses = [.. check.Statuses.Select(range => range.ToString())],
                Body = check.BodyContains is { } contains ? new BodyCheck { Contains = contains }
                    : check.JsonPointer is { } pointer ? new BodyCheck { JsonPointer = pointer, EqualTo = Parse(check.JsonEquals) }
                    : null,
                Retry = check.Retry,
            };
        }
    }

    extension(FailureActionRepresentation)
    {
        /// <summary>The representation of <paramref name="action"/>, secrets blanked.</summary>
        public static FailureActionRepresentation From(HttpTarget action)
        {
            ArgumentNullException.ThrowIfNull(action);
            var target = TargetRepresentation.From(action);
            return new FailureActionRepresentation
            {
                Url = target.Url,
                Headers = target.Headers,
                SecretHeaders = target.SecretHeaders,
                Timeout = target.Timeout,
                Retry = target.Retry,
            };
        }
    }

    extension(NotificationRepresentation)
    {
        /// <summary>The representation of <paramref name="outcome"/>.</summary>
        public static NotificationRepresentation From(NotificationOutcome outcome)
        {
            ArgumentNullException.ThrowIfNull(outcome);
            return new NotificationRepresentation
            {
                Id = outcome.Id,
                Status = outcome.Status,
                Attempts = outcome.Attempts,
                HttpStatus = outcome.HttpStatus,
                ErrorClass = outcome.ErrorClass == RunErrorClass.None ? null : outcome.ErrorClass,
                Error = outcome.Error,
                CompletedAt = outcome.CompletedAt,
                SigningKeyIds = outcome.SigningKeyIds,
            };
        }
    }

    extension(OverdueRepresentation)
    {
        /// <summary>The representation of <paramref name="mark"/> of task <paramref name="taskId"/>.</summary>
        public static OverdueRepresentation From(string taskId, OverdueMark mark)
        {
            ArgumentNullException.ThrowIfNull(mark);
            return new OverdueRepresentation
            {
                RunId = RunId.For(taskId, mark.Occurrence, mark.Generation),
                Kind = mark.Occurrence.Kind,
                ScheduledAt = mark.Occurrence.ScheduledAt,
                FireAt = mark.Occurrence.FireAt,
                Since = mark.Since,
                Tolerance = mark.Tolerance,
                DetectedAt = mark.DetectedAt,
                Notification = mark.Notification is { } notification ? NotificationRepresentation.From(notification) : null,
            };
        }
    }

    extension(TaskHealthRepresentation)
    {
        /// <summary>The health of <paramref name="task"/> as its state stands.</summary>
        public static TaskHealthRepresentation From(ScheduledTask task, TaskRunState state)
        {
            ArgumentNullException.ThrowIfNull(task);
            ArgumentNullException.ThrowIfNull(state);
            var stats = state.RunStats;
            return new TaskHealthRepresentation
            {
                ConsecutiveFailures = stats.ConsecutiveFailures,
                LastSuccessAt = stats.LastSucceededAt,
                RecentSuccessRate = stats.RecentSuccessRate,
                OverdueTolerance = OverdueCheck.ToleranceOf(task),
                OverdueSince = state.Overdue?.Since,
                Overdue = state.Overdue is { } mark ? OverdueRepresentation.From(task.Id, mark) : null,
            };
        }
    }

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
