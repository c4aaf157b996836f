using System.Text;
using System.Text.Json.Nodes;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Tests.Validation;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Api;

public sealed class TaskRepresentationTests
{
    [Fact]
    public void From_FullDefinition_SerializesToContractShape()
    {
        var stored = RepresentationFixtures.Stored(RepresentationFixtures.Definition(RepresentationFixtures.FullDefinition));

        var json = SchedulerJson.Serialize(TaskRepresentation.From(stored));

        const string Expected = """
            {
              "id": "nightly-report", "name": "Nightly report", "description": "Builds <the> report & mails it.", "group": "reports",
              "schedule": {
                "cron": "0 30 2 * * *", "timeZone": "Europe/Berlin",
                "startAt": "2026-01-01T00:00:00Z", "endAt": "2027-01-01T00:00:00Z", "maxRuns": 10, "jitter": "PT10S",
                "misfire": { "policy": "catchUp", "grace": "PT5M", "catchUpLimit": 3 }
              },
              "target": {
                "url": "https://worker.example.com/sync?full=true", "method": "PUT",
                "headers": { "X-Env": "prod" }, "secretHeaders": { "Authorization": null },
                "body": "{\"report\":\"nightly\",\"sum\":\"1+1\"}", "contentType": "application/json", "timeout": "PT45S",
                "retry": { "maxAttempts": 5, "initialDelay": "PT2S", "maxDelay": "PT20S", "maxDuration": "PT3M" },
                "success": { "statuses": ["200", "202-204", "300-399"], "body": { "jsonPointer": "/status", "equals": "ok" }, "retry": true }
              },
              "failureAction": {
                "url": "https://alerts.example.com/hook", "headers": { "X-Team": "ops" }, "secretHeaders": { "Authorization": null },
                "timeout": "PT5S", "retry": { "maxAttempts": 2, "initialDelay": "PT1S", "maxDelay": "PT30S", "maxDuration": "PT2M" }
              },
              "overdueTolerance": "PT10M",
              "autoPauseAfter": 5,
              "state": {
                "lifecycle": "completed", "completion": "maxRunsReached", "generation": 3, "fireCount": 10,
                "lastRun": { "runId": "nightly-report:0001s", "scheduledAt": "2026-03-01T10:00:00Z", "status": "succeeded", "httpStatus": 204, "completedAt": "2026-03-01T10:00:02Z" },
                "runStats": { "total": 0, "succeeded": 0, "failed": 0, "missed": 0, "recent": [] },
                "health": { "consecutiveFailures": 0, "overdueTolerance": "PT10M" },
                "pendingRunRequests": 2, "createdAt": "2026-03-01T09:00:00Z", "updatedAt": "2026-03-02T09:00:00Z"
              },
              "version": "W/\"datetime'2026-03-01T09%3A00%3A00Z'\"",
              "scheduleText": "At 02:30 every day, Europe/Berlin"
            }
            """;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Expected), JsonNode.Parse(json)), json);
    }

    [Fact]
    public void From_TaskWithSecretHeaders_NeverWritesASecretValue()
    {
        var definition = RepresentationFixtures.Definition(TestJson.Merge(
            RepresentationFixtures.FullDefinition,
            """{"target":{"secretHeaders":{"X-Api-Key":"s3cr3t-token-7Qm9-key"}}}"""));
        Assert.Equal("Bearer " + RepresentationFixtures.Secret, definition.Target.SecretHeaders["Authorization"]);
        var representation = TaskRepresentation.From(RepresentationFixtures.Stored(definition));

        var text = SchedulerJson.Serialize(representation);
        var utf8 = Encoding.UTF8.GetString(SchedulerJson.SerializeToUtf8Bytes(representation));

        Assert.DoesNotContain(RepresentationFixtures.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(RepresentationFixtures.Secret, utf8, StringComparison.Ordinal);
        Assert.DoesNotContain(RepresentationFixtures.ActionSecret, text, StringComparison.Ordinal);
        Assert.Null(JsonNode.Parse(text)!["failureAction"]!["secretHeaders"]!["Authorization"]);
        var secretHeaders = JsonNode.Parse(text)!["target"]!["secretHeaders"]!.AsObject();
        Assert.Equal(["Authorization", "X-Api-Key"], secretHeaders.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(secretHeaders, p => Assert.Null(p.Value));
    }

    public static TheoryData<string> RoundTripDefinitions => new()
    {
        RepresentationFixtures.FullDefinition,
        "{'id':'t1','cron':'0 */5 * * * ?','url':'http://worker.example.com/sync'}",
        "{'id':'t2','schedule':{'interval':'PT1M30S','startAt':'2026-01-01T00:00:00.5+01:00','misfire':{'policy':'skip'}},'target':{'url':'https://w.example.com','method':'GET','secretHeaders':{'Authorization':'Bearer x','X-Key':'k'}}}",
        "{'id':'t4','schedule':{'cron':'0 * * * *'},'target':{'url':'https://w.example.com','auth':{'type':'managedIdentity','audience':'api://reports'}}}",
        "{'id':'t3','group':'once','schedule':{'at':'2026-12-01T08:00:00Z','endAt':'2026-12-02T00:00:00Z'},'target':{'url':'https://w.example.com/a%20b?q=\\u00e9','body':'plain \\u2603','contentType':'text/plain; charset=utf-8','timeout':'PT10M'}}",
    };

    [Theory]
    [MemberData(nameof(RoundTripDefinitions))]
    public void From_RepresentationWithoutReadOnlyMembers_ReadsBackToSameDefinition(string json)
    {
        var original = RepresentationFixtures.Definition(json);
        var representation = JsonNode.Parse(SchedulerJson.Serialize(TaskRepresentation.From(RepresentationFixtures.Stored(original))))!.AsObject();
        representation.Remove("state");
        representation.Remove("version");
        representation.Remove("scheduleText");

        var result = TaskDefinitionReader.Read(
            Encoding.UTF8.GetBytes(representation.ToJsonString()),
            new DefinitionContext(RouteId: original.Id, Existing: original));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        DefinitionAssert.Equal(original, result.Value);
    }

    [Fact]
    public void From_TargetWithAuth_WritesTypeAndAudienceOnly()
    {
        var withAuth = RepresentationFixtures.Definition(TestJson.Merge(
            RepresentationFixtures.FullDefinition,
            """{"target":{"secretHeaders":null,"auth":{"type":"managedIdentity","audience":"api://reports"}}}"""));

        var target = JsonNode.Parse(SchedulerJson.Serialize(TargetRepresentation.From(withAuth.Target)))!.AsObject();
        var without = JsonNode.Parse(SchedulerJson.Serialize(TargetRepresentation.From(RepresentationFixtures.Definition(RepresentationFixtures.FullDefinition).Target)))!.AsObject();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"managedIdentity","audience":"api://reports"}"""), target["auth"]), target.ToJsonString());
        Assert.False(without.ContainsKey("auth"));
    }

    [Fact]
    public void ToDefinition_TaskWithAuth_KeepsTheAudience()
    {
        var original = RepresentationFixtures.Definition("{'id':'t','cron':'0 * * * *','url':'https://w.example.com'}");
        original = original with { Target = original.Target with { Auth = new TargetAuth { Audience = "api://reports" } } };
        var representation = SchedulerJson.Deserialize<TaskRepresentation>(SchedulerJson.SerializeToUtf8Bytes(TaskRepresentation.From(RepresentationFixtures.Stored(original))))!;

        var definition = representation.ToDefinition();

        Assert.Equal(new TargetAuthDefinition { Type = TargetAuthType.ManagedIdentity, Audience = "api://reports" }, definition.Target.Auth);
        var read = TaskDefinitionReader.Read(SchedulerJson.SerializeToUtf8Bytes(definition), new DefinitionContext(original.Id, original));
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        DefinitionAssert.Equal(original, read.Value);
    }

    [Fact]
    public void From_RepresentationWithReadOnlyMembersKept_IsRejectedAsUnknownProperties()
    {
        var original = RepresentationFixtures.Definition(RepresentationFixtures.FullDefinition);
        var json = SchedulerJson.SerializeToUtf8Bytes(TaskRepresentation.From(RepresentationFixtures.Stored(original)));

        var result = TaskDefinitionReader.Read(json, new DefinitionContext(original.Id, original));

        Assert.Equal(
            new[] { ("/state", ValidationRules.UnknownProperty), ("/version", ValidationRules.UnknownProperty), ("/scheduleText", ValidationRules.UnknownProperty) },
            result.Errors.Select(e => (e.Pointer, e.Rule)));
    }

    [Theory]
    [InlineData("{'id':'t','interval':'PT30S','url':'https://w.example.com'}", "interval", "cron")]
    [InlineData("{'id':'t','at':'2026-12-01T08:00:00Z','url':'https://w.example.com'}", "at", "timeZone")]
    [InlineData("{'id':'t','cron':'0 * * * *','url':'https://w.example.com'}", "timeZone", "interval")]
    public void From_Schedule_WritesOnlyItsOwnKindFields(string json, string present, string absent)
    {
        var schedule = JsonNode.Parse(SchedulerJson.Serialize(ScheduleRepresentation.From(RepresentationFixtures.Definition(json).Schedule)))!.AsObject();

        Assert.True(schedule.ContainsKey(present));
        Assert.False(schedule.ContainsKey(absent));
    }

    [Fact]
    public void FromPage_LastPage_WritesNullContinuationToken()
    {
        var stored = RepresentationFixtures.Stored(RepresentationFixtures.Definition("{'id':'t','cron':'0 * * * *','url':'https://w.example.com'}"));

        var page = JsonNode.Parse(SchedulerJson.Serialize(TaskRepresentation.FromPage(new global::FunctionScheduler.Core.Storage.TaskPage([stored, stored], null))))!.AsObject();

        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.True(page.ContainsKey("continuationToken"));
        Assert.Null(page["continuationToken"]);
    }
}
