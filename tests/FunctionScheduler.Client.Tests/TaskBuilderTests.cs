using System.Text.Json.Nodes;

namespace FunctionScheduler.Client.Tests;

public sealed class TaskBuilderTests
{
    [Fact]
    public void Build_EverySetting_WritesTheFullFormTheContractDocuments()
    {
        var definition = TaskBuilder.Cron("0 30 2 * * *", timeZone: "Europe/Berlin")
            .WithId("nightly-report").WithName("Nightly report").WithDescription("Builds the report.").InGroup("reports")
            .StartingAt(new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(1)))
            .EndingAt(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero))
            .WithMaxRuns(300)
            .WithJitter(TimeSpan.FromSeconds(10))
            .OnMisfire(MisfirePolicy.FireOnce, grace: TimeSpan.FromMinutes(1), catchUpLimit: 10)
            .Calls("https://worker.example.com/sync", "POST")
            .WithHeader("X-Env", "prod")
            .WithSecretHeader("Authorization", "Bearer t")
            .WithBody("{\"report\":\"nightly\"}", "application/json")
            .WithTimeout(TimeSpan.FromSeconds(30))
            .WithRetry(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2))
            .Build();

        var expected = JsonNode.Parse("""
            {
              "id": "nightly-report", "name": "Nightly report", "description": "Builds the report.", "group": "reports",
              "schedule": {
                "cron": "0 30 2 * * *", "timeZone": "Europe/Berlin",
                "startAt": "2026-01-01T00:00:00Z", "endAt": "2027-01-01T00:00:00Z", "maxRuns": 300, "jitter": "PT10S",
                "misfire": { "policy": "fireOnce", "grace": "PT1M", "catchUpLimit": 10 }
              },
              "target": {
                "url": "https://worker.example.com/sync", "method": "POST",
                "headers": { "X-Env": "prod" }, "secretHeaders": { "Authorization": "Bearer t" },
                "body": "{\"report\":\"nightly\"}", "contentType": "application/json", "timeout": "PT30S",
                "retry": { "maxAttempts": 3, "initialDelay": "PT1S", "maxDelay": "PT30S", "maxDuration": "PT2M" }
              }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(SchedulerJson.Serialize(definition))), SchedulerJson.Serialize(definition));
    }

    [Fact]
    public void Build_ChecksFailureActionAndHealth_WritesTheContractShape()
    {
        var definition = TaskBuilder.Interval(TimeSpan.FromMinutes(5)).Calls("https://worker.example.com/health")
            .ExpectStatus(200, 204).ExpectStatus("3xx").ExpectJson("/checks/0", new { ok = true }).RetryFailedChecks()
            .OnFailureNotify("https://alerts.example.com/hook", TimeSpan.FromSeconds(5))
            .WithNotificationHeader("X-Team", "ops").WithNotificationSecretHeader("Authorization", "Bearer a")
            .WithNotificationRetry(2)
            .AutoPauseAfter(3).OverdueAfter(TimeSpan.FromMinutes(15))
            .Build();

        var expected = JsonNode.Parse("""
            {
              "schedule": { "interval": "PT5M" },
              "target": {
                "url": "https://worker.example.com/health",
                "success": { "statuses": ["200", "204", "3xx"], "body": { "jsonPointer": "/checks/0", "equals": { "ok": true } }, "retry": true }
              },
              "failureAction": {
                "url": "https://alerts.example.com/hook", "headers": { "X-Team": "ops" }, "secretHeaders": { "Authorization": "Bearer a" },
                "timeout": "PT5S", "retry": { "maxAttempts": 2 }
              },
              "overdueTolerance": "PT15M",
              "autoPauseAfter": 3
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(SchedulerJson.Serialize(definition))), SchedulerJson.Serialize(definition));
    }

    [Fact]
    public void Build_NotificationHeaderWithoutAnAddress_ThrowsNamingTheUrl()
    {
        var exception = Assert.Throws<FunctionSchedulerException>(() =>
            TaskBuilder.Interval(TimeSpan.FromMinutes(5)).Calls("https://worker.example.com").WithNotificationHeader("X-Team", "ops").Build());

        Assert.Equal("/failureAction/url", Assert.Single(exception.Errors).Pointer);
    }

    [Fact]
    public void Build_ContainsAfterJson_TheLastBodyCheckWins()
    {
        var definition = TaskBuilder.Interval(TimeSpan.FromMinutes(5)).Calls("https://w.example.com")
            .ExpectJson("/status", "ok").ExpectBodyContaining("ready").Build();

        Assert.Equal(new BodyCheck { Contains = "ready" }, definition.Target.Success!.Body);
    }

    [Fact]
    public void Build_WithManagedIdentity_WritesTheAuthObject()
    {
        var definition = TaskBuilder.Interval(TimeSpan.FromMinutes(5)).Calls("https://reports.contoso.com/run").WithManagedIdentity("api://reports").Build();

        Assert.Equal(
            """{"schedule":{"interval":"PT5M"},"target":{"url":"https://reports.contoso.com/run","auth":{"type":"managedIdentity","audience":"api://reports"}}}""",
            SchedulerJson.Serialize(definition));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void WithManagedIdentity_NoAudience_Throws(string audience) =>
        Assert.Throws<ArgumentException>(() => TaskBuilder.Interval(TimeSpan.FromMinutes(5)).WithManagedIdentity(audience));

    [Fact]
    public void Build_OnlyTriggerAndUrl_LeavesEveryDefaultToTheServer()
    {
        var definition = TaskBuilder.Interval(TimeSpan.FromMinutes(5)).Calls("http://worker.example.com/sync").Build();

        Assert.Equal(
            """{"schedule":{"interval":"PT5M"},"target":{"url":"http://worker.example.com/sync"}}""",
            SchedulerJson.Serialize(definition));
    }

    [Fact]
    public void Build_OnceWithBodyBeforeUrl_KeepsBoth()
    {
        var at = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        var definition = TaskBuilder.Once(at).WithBody("x", "text/plain").Calls("https://example.com/a", "put").Build();

        Assert.Equal(at, definition.Schedule.At);
        Assert.Equal(("https://example.com/a", "put", "x", "text/plain"), (definition.Target.Url, definition.Target.Method, definition.Target.Body, definition.Target.ContentType));
    }

    [Fact]
    public void Build_NoUrlAndBadIdAndGroup_ThrowsEveryErrorWithTheServersPointersAndRules()
    {
        var builder = TaskBuilder.Cron("* * * * *").WithId("-bad id").InGroup("bad/group").WithBody("x");

        var exception = Assert.Throws<FunctionSchedulerException>(builder.Build);

        Assert.True(exception.IsValidation);
        Assert.Equal(0, exception.Status);
        Assert.Equal(
            [("/id", ValidationRules.Pattern), ("/group", ValidationRules.Pattern), ("/target/url", ValidationRules.Required)],
            exception.Errors.Select(error => (error.Pointer, error.Rule)));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Task_1.v2-x")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void Build_IdMatchingThePattern_IsAccepted(string id) =>
        Assert.Equal(id, TaskBuilder.Interval(TimeSpan.FromMinutes(1)).WithId(id).Calls("https://example.com").Build().Id);
}
