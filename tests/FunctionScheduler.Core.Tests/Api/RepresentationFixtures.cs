using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Tests.Validation;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Api;

/// <summary>Stored tasks and runs at fixed instants for representation tests.</summary>
internal static class RepresentationFixtures
{
    public const string Secret = "s3cr3t-token-7Qm9";

    public static readonly DateTimeOffset Created = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The failure action's secret header value in <see cref="FullDefinition"/>.</summary>
    public const string ActionSecret = "alert-s3cr3t-9Xk";

    /// <summary>A definition with every field set, one secret header among them (and one in its failure action).</summary>
    public const string FullDefinition = """
        {
          "id": "nightly-report", "name": "Nightly report", "description": "Builds <the> report & mails it.", "group": "reports",
          "schedule": {
            "cron": "0 30 2 * * *", "timeZone": "Europe/Berlin",
            "startAt": "2026-01-01T00:00:00Z", "endAt": "2027-01-01T00:00:00Z", "maxRuns": 10, "jitter": "PT10S",
            "misfire": { "policy": "catchUp", "grace": "PT5M", "catchUpLimit": 3 }
          },
          "target": {
            "url": "https://worker.example.com/sync?full=true", "method": "PUT",
            "headers": { "X-Env": "prod" }, "secretHeaders": { "Authorization": "Bearer s3cr3t-token-7Qm9" },
            "body": "{\"report\":\"nightly\",\"sum\":\"1+1\"}", "timeout": "PT45S",
            "retry": { "maxAttempts": 5, "initialDelay": "PT2S", "maxDelay": "PT20S", "maxDuration": "PT3M" },
            "success": { "statuses": ["200", "202-204", "3xx"], "body": { "jsonPointer": "/status", "equals": "ok" }, "retry": true }
          },
          "failureAction": {
            "url": "https://alerts.example.com/hook", "headers": { "X-Team": "ops" },
            "secretHeaders": { "Authorization": "Bearer alert-s3cr3t-9Xk" }, "timeout": "PT5S", "retry": { "maxAttempts": 2 }
          },
          "overdueTolerance": "PT10M",
          "autoPauseAfter": 5
        }
        """;

    public static ScheduledTask Definition(string json)
    {
        var result = TaskDefinitionReader.Read(TestJson.Utf8(json), new DefinitionContext());
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Value;
    }

    public static StoredTask Stored(ScheduledTask definition) =>
        new(definition, State, "W/\"datetime'2026-03-01T09%3A00%3A00Z'\"");

    public static readonly TaskRunState State = TaskRunState.New(Created) with
    {
        Lifecycle = TaskLifecycle.Completed,
        Completion = CompletionReason.MaxRunsReached,
        Generation = 3,
        FireCount = 10,
        NextFireAt = null,
        RunRequests = [Created.AddMinutes(5), Created.AddMinutes(6)],
        LastRun = new LastRunSummary("nightly-report:0001s", Created.AddHours(1), RunStatus.Succeeded, 204, Created.AddHours(1).AddSeconds(2)),
        UpdatedAt = Created.AddDays(1),
    };
}
