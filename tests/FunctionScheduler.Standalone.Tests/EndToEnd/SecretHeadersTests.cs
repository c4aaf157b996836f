using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Timing;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>A secret header goes to the target on every fire and never comes back out of the API.</summary>
public sealed class SecretHeadersTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private const string Secret = "Bearer s3cr3t-value-that-must-not-leak";

    [Fact]
    public async Task SecretHeader_CreateReadListRunNow_SentToTargetButNeverReturned()
    {
        var client = fixture.Host.Client;
        var body = TaskBodies.Dormant("guarded", fixture.Target.UrlFor("/hook"), new JsonObject { ["Authorization"] = Secret });

        using var created = await client.PostAsync("api/tasks", TaskBodies.Json(body));
        var createdText = await created.Content.ReadAsStringAsync();
        var readText = await client.GetStringAsync("api/tasks/guarded");
        var listText = await client.GetStringAsync("api/tasks");
        using var run = await client.PostAsync("api/tasks/guarded/run", null);
        var runText = await run.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        foreach (var text in (string[])[createdText, readText, listText, runText])
        {
            Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
        }

        using var read = JsonDocument.Parse(readText);
        var secrets = read.RootElement.GetProperty("target").GetProperty("secretHeaders");
        Assert.Equal(JsonValueKind.Null, secrets.GetProperty("Authorization").ValueKind);

        Assert.True(await Eventually.TrueAsync(() => fixture.Target.RequestsTo("/hook").Count >= 1, TimeSpan.FromSeconds(8)), "The run-now never fired.");
        var fire = Assert.Single(fixture.Target.RequestsTo("/hook"));
        Assert.Equal(Secret, fire.Header("Authorization"));
        var runsText = await client.GetStringAsync("api/tasks/guarded/runs");
        Assert.DoesNotContain("s3cr3t", runsText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretHeader_TargetEchoesIt_RunHistoryShowsItRedacted()
    {
        var client = fixture.Host.Client;
        var body = TaskBodies.Dormant("echoed", fixture.Target.UrlFor("/echo"), new JsonObject { ["Authorization"] = Secret });
        body["target"]!["retry"] = new JsonObject { ["maxAttempts"] = 1 };
        (await client.PostAsync("api/tasks", TaskBodies.Json(body))).EnsureSuccessStatusCode();

        (await client.PostAsync("api/tasks/echoed/run", null)).EnsureSuccessStatusCode();

        string runsText = "";
        Assert.True(
            await Eventually.TrueAsync(async () => (runsText = await client.GetStringAsync("api/tasks/echoed/runs")).Contains("\"failed\"", StringComparison.Ordinal), TimeSpan.FromSeconds(8)),
            "The run-now was never recorded.");
        Assert.Equal(Secret, fixture.Target.RequestsTo("/echo")[0].Header("Authorization"));
        using var runs = JsonDocument.Parse(runsText);
        var run = runs.RootElement.GetProperty("items")[0];
        Assert.Contains("[redacted]", run.GetProperty("responseSnippet").GetString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", run.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", runsText, StringComparison.OrdinalIgnoreCase);
    }
}
