using System.Text.Json.Nodes;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;

namespace FunctionScheduler.Core.Tests.Api;

public sealed class RunRepresentationTests
{
    private static readonly DateTimeOffset Scheduled = new(2026, 3, 1, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public void From_SucceededScheduledRun_SerializesToContractShape()
    {
        var occurrence = Occurrence.Scheduled(Scheduled, Scheduled.AddSeconds(7));
        var run = new RunRecord
        {
            TaskId = "nightly-report",
            RunId = RunId.For("nightly-report", occurrence, 2),
            Occurrence = occurrence,
            Status = RunStatus.Succeeded,
            Generation = 2,
            StartedAt = Scheduled.AddSeconds(7.25),
            CompletedAt = Scheduled.AddSeconds(8.5),
            Attempts = 1,
            HttpStatus = 200,
            Duration = TimeSpan.FromMilliseconds(1234.9),
            ResponseSnippet = "{\"ok\":true}",
            SigningKeyIds = ["key-2026-02", "key-2026-03"],
        };

        var json = SchedulerJson.Serialize(RunRepresentation.From(run));

        var expected = $$"""
            {
              "runId": "{{run.RunId}}", "taskId": "nightly-report", "kind": "scheduled",
              "scheduledAt": "2026-03-01T02:30:00Z", "fireAt": "2026-03-01T02:30:07Z", "status": "succeeded", "generation": 2,
              "startedAt": "2026-03-01T02:30:07.25Z", "completedAt": "2026-03-01T02:30:08.5Z", "attempts": 1, "httpStatus": 200,
              "durationMs": 1234, "responseSnippet": "{\"ok\":true}", "signingKeyIds": ["key-2026-02", "key-2026-03"]
            }
            """;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(json)), json);
    }

    [Fact]
    public void From_FailedManualRun_WritesKindAndErrorClassInCamelCase()
    {
        var occurrence = Occurrence.Manual(Scheduled);
        var run = new RunRecord
        {
            TaskId = "t",
            RunId = RunId.For("t", occurrence, 1),
            Occurrence = occurrence,
            Generation = 1,
            Status = RunStatus.Failed,
            Attempts = 3,
            HttpStatus = 503,
            ErrorClass = RunErrorClass.HttpStatus,
            Error = "503 Service Unavailable",
        };

        var json = JsonNode.Parse(SchedulerJson.Serialize(RunRepresentation.From(run)))!;

        Assert.Equal("manual", (string?)json["kind"]);
        Assert.Equal("failed", (string?)json["status"]);
        Assert.Equal("httpStatus", (string?)json["errorClass"]);
        Assert.Equal("503 Service Unavailable", (string?)json["error"]);
        Assert.Null(json["durationMs"]);
    }

    [Fact]
    public void From_IdentityTokenFailure_WritesItsErrorClassAndNoKeyIds()
    {
        var occurrence = Occurrence.Manual(Scheduled);
        var run = new RunRecord
        {
            TaskId = "t",
            RunId = RunId.For("t", occurrence, 1),
            Occurrence = occurrence,
            Generation = 1,
            Status = RunStatus.Failed,
            ErrorClass = RunErrorClass.IdentityToken,
            Error = "No identity token for audience 'api://t': AuthenticationFailedException: AADSTS500011",
        };

        var json = JsonNode.Parse(SchedulerJson.Serialize(RunRepresentation.From(run)))!;

        Assert.Equal("identityToken", (string?)json["errorClass"]);
        Assert.Equal(0, (int?)json["attempts"]);
        Assert.Null(json["signingKeyIds"]);
    }

    [Fact]
    public void From_MissedRange_WritesCountAndEarliestOccurrence()
    {
        var occurrence = Occurrence.Scheduled(Scheduled, Scheduled);
        var run = new RunRecord
        {
            TaskId = "t",
            RunId = RunId.For("t", occurrence, 1),
            Occurrence = occurrence,
            Generation = 1,
            Status = RunStatus.Missed,
            MissedCount = 4,
            MissedFrom = Scheduled.AddHours(-3),
        };

        var json = JsonNode.Parse(SchedulerJson.Serialize(RunRepresentation.From(run)))!.AsObject();

        Assert.Equal("missed", (string?)json["status"]);
        Assert.Equal(4, (int?)json["missedCount"]);
        Assert.Equal("2026-02-28T23:30:00Z", (string?)json["missedFrom"]);
        Assert.Equal(0, (int?)json["attempts"]);
        Assert.False(json.ContainsKey("errorClass"));
        Assert.False(json.ContainsKey("startedAt"));
    }

    [Fact]
    public void FromPage_MorePages_WritesTokenAndItemsInOrder()
    {
        var runs = new[] { Scheduled, Scheduled.AddHours(-1) }
            .Select(at => Occurrence.Scheduled(at, at))
            .Select(o => new RunRecord { TaskId = "t", RunId = RunId.For("t", o, 1), Occurrence = o, Status = RunStatus.Succeeded, Generation = 1 })
            .ToList();

        var page = JsonNode.Parse(SchedulerJson.Serialize(RunRepresentation.FromPage(new RunPage(runs, "next-token"))))!;

        Assert.Equal("next-token", (string?)page["continuationToken"]);
        Assert.Equal(runs.Select(r => r.RunId), page["items"]!.AsArray().Select(item => (string?)item!["runId"]));
    }
}
