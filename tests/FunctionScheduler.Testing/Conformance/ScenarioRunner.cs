using System.Globalization;
using System.Text.Json;
using System.Xml;
using FunctionScheduler.Core.Model;
using Xunit.Sdk;

namespace FunctionScheduler.Testing.Conformance;

/// <summary>
/// Runs a scenario against a runtime and checks every expectation. A failure names the scenario, the step and
/// what differed.
/// </summary>
public sealed partial class ScenarioRunner(Scenario scenario, IConformanceRuntime runtime, ScenarioContext context)
{
    private int _firesChecked;

    public async Task RunAsync()
    {
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            try
            {
                await RunStepAsync(step);
            }
            catch (XunitException ex)
            {
                throw new XunitException($"Scenario '{scenario.Name}', step {i + 1} {step.GetRawText()}:{Environment.NewLine}{ex.Message}");
            }
        }
    }

    private async Task RunStepAsync(JsonElement step)
    {
        var verb = step.EnumerateObject().First().Name;
        var value = step.GetProperty(verb);
        switch (verb)
        {
            case "create":
                await SendAsync(step, "POST", "/tasks", value.GetRawText(), 201);
                break;
            case "put":
                await SendAsync(step, "PUT", $"/tasks/{value.GetProperty("id").GetString()}", value.GetProperty("task").GetRawText(), 200);
                break;
            case "pause" or "resume":
                await SendAsync(step, "POST", $"/tasks/{value.GetString()}/{verb}", null, 200);
                break;
            case "runNow":
                await SendAsync(step, "POST", $"/tasks/{value.GetString()}/run", null, 202);
                break;
            case "backfill":
                await SendAsync(step, "POST", $"/tasks/{value.GetProperty("id").GetString()}/backfill", value.GetProperty("window").GetRawText(), 202);
                break;
            case "cancelBackfill":
                await SendAsync(step, "DELETE", $"/tasks/{value.GetString()}/backfill", null, 200);
                break;
            case "delete":
                await SendAsync(step, "DELETE", $"/tasks/{value.GetString()}", null, 204);
                break;
            case "advance":
                await runtime.AdvanceToAsync(context.Clock.GetUtcNow() + XmlConvert.ToTimeSpan(value.GetString()!));
                break;
            case "advanceTo":
                await runtime.AdvanceToAsync(value.GetDateTimeOffset());
                break;
            case "down":
                await runtime.DownUntilAsync(context.Clock.GetUtcNow() + XmlConvert.ToTimeSpan(value.GetString()!));
                break;
            case "targetStatus":
                context.Target.Status = value.GetInt32();
                break;
            case "targetResponse":
                context.Target.Status = value.GetProperty("status").GetInt32();
                context.Target.Body = value.TryGetProperty("body", out var body) ? body.GetString() : null;
                break;
            case "notifyStatus":
                context.Target.NotifyStatus = value.GetInt32();
                break;
            case "stall":
                await runtime.StallUntilAsync(
                    context.Clock.GetUtcNow() + XmlConvert.ToTimeSpan(value.GetString()!),
                    recover: !step.TryGetProperty("recover", out var recover) || recover.GetBoolean());
                break;
            case "expectNotifications":
                ExpectNotifications(value);
                break;
            case "expectFires":
                ExpectFires(value);
                break;
            case "expectTask":
                await ExpectTaskAsync(value);
                break;
            case "expectRuns":
                await ExpectRunsAsync(value);
                break;
            default:
                throw new XunitException($"Unknown step verb '{verb}'.");
        }
    }

    private async Task SendAsync(JsonElement step, string method, string path, string? body, int expected)
    {
        if (step.TryGetProperty("status", out var status))
        {
            expected = status.GetInt32();
        }

        var actual = await runtime.SendAsync(method, path, body);
        Assert.True(actual == expected, $"{method} {path} answered {actual}, expected {expected}.");
    }

    // Compares the fires delivered since the last check. Fires delivered at the same instant are ordered by task
    // and occurrence, since runtimes may interleave simultaneous tasks differently.
    private void ExpectFires(JsonElement expected)
    {
        var all = context.Target.Fires;
        var actual = all.Skip(_firesChecked).Select(OnTime)
            .OrderBy(f => f.DeliveredAt).ThenBy(f => f.TaskId, StringComparer.Ordinal).ThenBy(f => f.Occurrence.ScheduledAt)
            .ToList();
        _firesChecked = all.Count;

        var wanted = expected.EnumerateArray().ToList();
        var described = string.Join(Environment.NewLine, actual.Select(f => $"  {f.TaskId} {f.Occurrence.Kind} scheduled {Iso(f.Occurrence.ScheduledAt)} delivered {Iso(f.DeliveredAt)} {f.RunId}"));
        Assert.True(wanted.Count == actual.Count, $"Expected {wanted.Count} fires, got {actual.Count}:{Environment.NewLine}{described}");
        for (var i = 0; i < wanted.Count; i++)
        {
            var w = wanted[i];
            var a = actual[i];
            var scheduledAt = w.ValueKind == JsonValueKind.String ? w.GetDateTimeOffset() : w.GetProperty("scheduledAt").GetDateTimeOffset();
            Assert.True(scheduledAt == a.Occurrence.ScheduledAt, $"Fire {i + 1}: scheduled {Iso(a.Occurrence.ScheduledAt)}, expected {Iso(scheduledAt)}.{Environment.NewLine}{described}");
            if (w.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (w.TryGetProperty("task", out var task))
            {
                Assert.True(task.GetString() == a.TaskId, $"Fire {i + 1}: task {a.TaskId}, expected {task.GetString()}.");
            }

            if (w.TryGetProperty("kind", out var kind))
            {
                Assert.True(string.Equals(kind.GetString(), a.Occurrence.Kind.ToString(), StringComparison.OrdinalIgnoreCase), $"Fire {i + 1}: kind {a.Occurrence.Kind}, expected {kind.GetString()}.");
            }

            if (w.TryGetProperty("deliveredAt", out var deliveredAt))
            {
                Assert.True(deliveredAt.GetDateTimeOffset() == a.DeliveredAt, $"Fire {i + 1}: delivered {Iso(a.DeliveredAt)}, expected {deliveredAt.GetString()}.");
            }

            if (w.TryGetProperty("runId", out var runId))
            {
                Assert.True(runId.GetString() == a.RunId, $"Fire {i + 1}: run id {a.RunId}, expected {runId.GetString()}.");
            }
        }
    }

    // On a real clock a fire that reached the target within the allowed lateness after its instant (FireAt: the
    // nominal instant plus jitter, or the run-now request) counts as delivered at that instant, so order and
    // deliveredAt are then compared exactly, as on a fake clock; one that came early, or later than allowed, fails.
    private DeliveredFire OnTime(DeliveredFire fire)
    {
        if (context.AllowedLateness == TimeSpan.Zero)
        {
            return fire;
        }

        var due = fire.Occurrence.FireAt;
        var late = fire.DeliveredAt - due;
        Assert.True(
            late >= TimeSpan.Zero && late <= context.AllowedLateness,
            string.Create(CultureInfo.InvariantCulture, $"{fire.TaskId} {fire.Occurrence.Kind} scheduled {Iso(fire.Occurrence.ScheduledAt)} was due {Iso(due)} and delivered {Iso(fire.DeliveredAt)}, {late.TotalMilliseconds:F0} ms after; allowed 0 to {context.AllowedLateness.TotalMilliseconds:F0} ms."));
        return fire with { DeliveredAt = due };
    }

    private async Task ExpectTaskAsync(JsonElement expected)
    {
        var id = expected.GetProperty("id").GetString()!;
        var task = await runtime.GetTaskAsync(id);
        if (expected.TryGetProperty("exists", out var exists) && !exists.GetBoolean())
        {
            Assert.True(task is null, $"Task {id} should not exist.");
            return;
        }

        Assert.True(task is not null, $"Task {id} does not exist.");
        var state = task!.State;
        foreach (var property in expected.EnumerateObject())
        {
            var v = property.Value;
            switch (property.Name)
            {
                case "id" or "exists":
                    break;
                case "lifecycle":
                    Assert.True(Same(v.GetString(), state.Lifecycle.ToString()), $"lifecycle {state.Lifecycle}, expected {v.GetString()}.");
                    break;
                case "completion":
                    Assert.True(v.ValueKind == JsonValueKind.Null ? state.Completion is null : Same(v.GetString(), state.Completion?.ToString()), $"completion {state.Completion}, expected {v}.");
                    break;
                case "fireCount":
                    Assert.True(v.GetInt32() == state.FireCount, $"fireCount {state.FireCount}, expected {v.GetInt32()}.");
                    break;
                case "nextFireAt":
                    var next = v.ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : v.GetDateTimeOffset();
                    Assert.True(next == state.NextFireAt, $"nextFireAt {(state.NextFireAt is { } n ? Iso(n) : "null")}, expected {v}.");
                    break;
                case "inFlight":
                    Assert.True(v.GetInt32() == state.InFlight.Count, $"inFlight {state.InFlight.Count}, expected {v.GetInt32()}.");
                    break;
                case "backfill":
                    ExpectBackfill(v, state.Backfill);
                    break;
                default:
                    ExpectHealth(state, property);
                    break;
            }
        }
    }

    private static void ExpectBackfill(JsonElement expected, BackfillState? actual)
    {
        Assert.True(actual is not null, "The task has no backfill.");
        var described = $"status {actual!.Status}, fired {actual.Fired}, skipped {actual.Skipped}, occurrences {actual.Occurrences}";
        foreach (var property in expected.EnumerateObject())
        {
            var v = property.Value;
            var ok = property.Name switch
            {
                "status" => Same(v.GetString(), actual.Status.ToString()),
                "fired" => v.GetInt32() == actual.Fired,
                "skipped" => v.GetInt32() == actual.Skipped,
                "occurrences" => v.GetInt32() == actual.Occurrences,
                _ => throw new XunitException($"Unknown expectTask.backfill property '{property.Name}'."),
            };
            Assert.True(ok, $"backfill {property.Name} differs (expected {v}): {described}.");
        }
    }

    private async Task ExpectRunsAsync(JsonElement expected)
    {
        var id = expected.GetProperty("id").GetString()!;
        var runs = await runtime.GetRunsAsync(id);
        var wanted = expected.GetProperty("runs").EnumerateArray().ToList();
        var described = string.Join(Environment.NewLine, runs.Select(r => $"  {r.Status} {r.Occurrence.Kind} scheduled {Iso(r.Occurrence.ScheduledAt)} http {r.HttpStatus} {r.ErrorClass} missed {r.MissedCount} generation {r.Generation} notification {r.Notification?.Status} {r.RunId}"));
        Assert.True(wanted.Count == runs.Count, $"Expected {wanted.Count} runs (newest first), got {runs.Count}:{Environment.NewLine}{described}");
        for (var i = 0; i < wanted.Count; i++)
        {
            var w = wanted[i];
            var a = runs[i];
            foreach (var property in w.EnumerateObject())
            {
                var v = property.Value;
                var ok = property.Name switch
                {
                    "status" => Same(v.GetString(), a.Status.ToString()),
                    "kind" => Same(v.GetString(), a.Occurrence.Kind.ToString()),
                    "scheduledAt" => v.GetDateTimeOffset() == a.Occurrence.ScheduledAt,
                    "httpStatus" => v.GetInt32() == a.HttpStatus,
                    "missedCount" => v.GetInt32() == a.MissedCount,
                    "missedFrom" => v.GetDateTimeOffset() == a.MissedFrom,
                    "generation" => v.GetInt64() == a.Generation,
                    "runId" => v.GetString() == a.RunId,
                    "errorClass" => Same(v.GetString(), a.ErrorClass.ToString()),
                    "notification" => v.ValueKind == JsonValueKind.Null ? a.Notification is null : Same(v.GetString(), a.Notification?.Status.ToString()),
                    _ => throw new XunitException($"Unknown expectRuns property '{property.Name}'."),
                };
                Assert.True(ok, $"Run {i + 1}: {property.Name} differs (expected {v}).{Environment.NewLine}{described}");
            }
        }
    }

    private static bool Same(string? expected, string? actual) => string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase);

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture);
}
