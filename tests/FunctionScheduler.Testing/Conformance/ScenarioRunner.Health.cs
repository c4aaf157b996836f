using System.Text;
using System.Text.Json;
using FunctionScheduler.Core.Model;
using Xunit.Sdk;

namespace FunctionScheduler.Testing.Conformance;

// The expectations about task health (docs/semantics.md §10): overdue marks, pause reasons, failure streaks, and the
// failure action's notifications as their receiver got them.
public sealed partial class ScenarioRunner
{
    private int _notificationsChecked;

    private static void ExpectHealth(TaskRunState state, JsonProperty property)
    {
        var v = property.Value;
        switch (property.Name)
        {
            case "pausedReason":
                Assert.True(v.ValueKind == JsonValueKind.Null ? state.PausedReason is null : Same(v.GetString(), state.PausedReason?.ToString()), $"pausedReason {state.PausedReason}, expected {v}.");
                break;
            case "consecutiveFailures":
                Assert.True(v.GetInt64() == state.RunStats.ConsecutiveFailures, $"consecutiveFailures {state.RunStats.ConsecutiveFailures}, expected {v}.");
                break;
            case "overdueSince":
                var since = v.ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : v.GetDateTimeOffset();
                Assert.True(since == state.Overdue?.Since, $"overdueSince {(state.Overdue is { } o ? Iso(o.Since) : "null")}, expected {v}.");
                break;
            case "overdueNotification":
                Assert.True(
                    v.ValueKind == JsonValueKind.Null ? state.Overdue?.Notification is null : Same(v.GetString(), state.Overdue?.Notification?.Status.ToString()),
                    $"overdue notification {state.Overdue?.Notification?.Status.ToString() ?? "null"}, expected {v}.");
                break;
            default:
                throw new XunitException($"Unknown expectTask property '{property.Name}'.");
        }
    }

    // The notifications delivered since the last check, ordered by delivery, task and id.
    private void ExpectNotifications(JsonElement expected)
    {
        var all = context.Target.Notifications;
        var actual = all.Skip(_notificationsChecked)
            .OrderBy(n => n.DeliveredAt).ThenBy(n => n.TaskId, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToList();
        _notificationsChecked = all.Count;

        var wanted = expected.EnumerateArray().ToList();
        var described = string.Join(Environment.NewLine, actual.Select(n => $"  {n.Event} {n.Id} delivered {Iso(n.DeliveredAt)}"));
        Assert.True(wanted.Count == actual.Count, $"Expected {wanted.Count} notifications, got {actual.Count}:{Environment.NewLine}{described}");
        for (var i = 0; i < wanted.Count; i++)
        {
            var payload = SchedulerJson.Deserialize<FailureNotification>(Encoding.UTF8.GetBytes(actual[i].Body))
                ?? throw new XunitException($"Notification {i + 1} has no JSON body.");
            Assert.True(payload.NotificationId == actual[i].Id, $"Notification {i + 1}: the body's id {payload.NotificationId} is not the signed id {actual[i].Id}.");
            Assert.True(payload.Event == actual[i].Event, $"Notification {i + 1}: the body says {payload.Event}, the header {actual[i].Event}.");
            foreach (var property in wanted[i].EnumerateObject())
            {
                var v = property.Value;
                var ok = property.Name switch
                {
                    "event" => Same(v.GetString(), payload.Event.ToString()),
                    "task" => v.GetString() == payload.TaskId,
                    "id" => v.GetString() == payload.NotificationId,
                    "runId" => v.GetString() == (payload.Run?.RunId ?? payload.Overdue?.RunId),
                    "scheduledAt" => v.GetDateTimeOffset() == (payload.Run?.ScheduledAt ?? payload.Overdue?.ScheduledAt),
                    "since" => v.GetDateTimeOffset() == payload.Overdue?.Since,
                    "lifecycle" => Same(v.GetString(), payload.Lifecycle.ToString()),
                    "pausedReason" => Same(v.GetString(), payload.PausedReason?.ToString()),
                    "consecutiveFailures" => v.GetInt64() == payload.ConsecutiveFailures,
                    "errorClass" => Same(v.GetString(), payload.Run?.ErrorClass?.ToString()),
                    _ => throw new XunitException($"Unknown expectNotifications property '{property.Name}'."),
                };
                Assert.True(ok, $"Notification {i + 1}: {property.Name} differs (expected {v}).{Environment.NewLine}{actual[i].Body}");
            }
        }
    }
}
