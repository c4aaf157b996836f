using System.Net;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Identity;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Targets.Identity;
using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Identity;
using FunctionScheduler.Testing.Targets;
using FunctionScheduler.Testing.Timing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>
/// The standalone host with two signing keys and a token credential the test controls, against a real loopback
/// target: a task with auth gets the token and both signatures, the run names the keys, a token that cannot be had
/// fails the run with its own error class, and no read returns a token.
/// </summary>
public sealed class IdentityAndRotationTests : IAsyncLifetime
{
    private const string OldSecret = "old-signing-secret-0123456789abcdef";
    private const string NewSecret = "new-signing-secret-0123456789abcdef";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(8);

    private readonly string _prefix = AzuriteStorage.NewTablePrefix("ident");
    private readonly TestTokenCredential _credential = new();

    private LoopbackTarget _target = null!;
    private StandaloneTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _target = await LoopbackTarget.StartAsync(endpoints =>
        {
            endpoints.MapPost("/guarded", TargetBehaviors.Status(200, "ok"));
            endpoints.MapPost("/echo", TargetBehaviors.EchoHeaders(500));
        });
        _host = await StandaloneTestHost.StartAsync(
            _prefix,
            new Dictionary<string, string?>
            {
                ["Scheduler:Signing:KeyId"] = null,
                ["Scheduler:Signing:Secret"] = null,
                ["Scheduler:Signing:Keys:0:Id"] = "key-old",
                ["Scheduler:Signing:Keys:0:Secret"] = OldSecret,
                ["Scheduler:Signing:Keys:1:Id"] = "key-new",
                ["Scheduler:Signing:Keys:1:Secret"] = NewSecret,
            },
            services => services.AddKeyedSingleton<TokenCredential>(TargetIdentityOptions.CredentialKey, _credential));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _target.DisposeAsync();
        await StandaloneTestHost.DeleteTablesAsync(_prefix);
    }

    [Fact]
    public async Task RunNow_TargetWithAuth_GetsTokenAndBothSignaturesAndTheRunNamesTheKeys()
    {
        var client = _host.Client;
        using var created = await client.PostAsync("api/tasks", TaskBodies.Json(WithAuth(TaskBodies.Dormant("guarded", _target.UrlFor("/guarded")))));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        (await client.PostAsync("api/tasks/guarded/run", null)).EnsureSuccessStatusCode();

        Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/guarded").Count >= 1, Bound), "The run-now never fired.");
        var fire = Assert.Single(_target.RequestsTo("/guarded"));
        Assert.Equal("Bearer " + TestTokenCredential.TokenOf(1), fire.Header("Authorization"));
        Assert.Equal("key-old,key-new", fire.Header(SchedulerHeaders.KeyId));
        Assert.Equal(SignatureCheck.Valid, new SignatureVerifier(OldSecret).Verify(fire.Header(SchedulerHeaders.Signature), fire.Header(SchedulerHeaders.RunId), fire.Body));
        Assert.Equal(SignatureCheck.Valid, new SignatureVerifier(NewSecret).Verify(fire.Header(SchedulerHeaders.Signature), fire.Header(SchedulerHeaders.RunId), fire.Body));

        var run = await FirstRunAsync("guarded");
        Assert.Equal(["key-old", "key-new"], run["signingKeyIds"]!.AsArray().Select(k => (string?)k));
        var read = await client.GetStringAsync("api/tasks/guarded");
        Assert.Equal("api://reports", (string?)JsonNode.Parse(read)!["target"]!["auth"]!["audience"]);
        Assert.DoesNotContain(TestTokenCredential.TokenOf(1), read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_TargetEchoesTheToken_RunHistoryShowsItRedacted()
    {
        var client = _host.Client;
        var body = WithAuth(TaskBodies.Dormant("echoed", _target.UrlFor("/echo")));
        body["target"]!["retry"] = new JsonObject { ["maxAttempts"] = 1 };
        (await client.PostAsync("api/tasks", TaskBodies.Json(body))).EnsureSuccessStatusCode();

        (await client.PostAsync("api/tasks/echoed/run", null)).EnsureSuccessStatusCode();

        var run = await FirstRunAsync("echoed");
        var token = Assert.Single(_target.RequestsTo("/echo")).Header("Authorization")!["Bearer ".Length..];
        Assert.Contains("[redacted]", (string?)run["responseSnippet"], StringComparison.Ordinal);
        Assert.DoesNotContain(token, run.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RunNow_NoTokenToBeHad_RunFailsWithIdentityTokenAndTargetGetsNothing()
    {
        var client = _host.Client;
        var body = WithAuth(TaskBodies.Dormant("tokenless", _target.UrlFor("/guarded")), "api://unknown-app");
        body["target"]!["retry"] = new JsonObject { ["maxAttempts"] = 2, ["initialDelay"] = "PT0S" };
        (await client.PostAsync("api/tasks", TaskBodies.Json(body))).EnsureSuccessStatusCode();
        var before = _target.RequestsTo("/guarded").Count;
        var calls = _credential.Calls;
        _credential.Failure = _ => new AuthenticationFailedException("AADSTS500011: The resource principal named api://unknown-app was not found in the tenant.");

        (await client.PostAsync("api/tasks/tokenless/run", null)).EnsureSuccessStatusCode();

        var run = await FirstRunAsync("tokenless");
        Assert.Equal("failed", (string?)run["status"]);
        Assert.Equal("identityToken", (string?)run["errorClass"]);
        Assert.Equal(0, (int?)run["attempts"]);
        Assert.Null(run["signingKeyIds"]);
        Assert.Contains("api://unknown-app", (string?)run["error"], StringComparison.Ordinal);
        Assert.Equal(calls + 2, _credential.Calls);
        Assert.Equal(before, _target.RequestsTo("/guarded").Count);
    }

    [Theory]
    [InlineData("http://worker.example.com/hook", "api://reports", "/target/url", "https-required")]
    [InlineData("https://worker.example.com/hook", "api://reports/.default", "/target/auth/audience", "audience")]
    public async Task Create_BadAuth_400NamingThePointerAndNothingStored(string url, string audience, string pointer, string rule)
    {
        var body = WithAuth(TaskBodies.Dormant("bad-auth", new Uri(url)), audience);

        using var response = await _host.Client.PostAsync("api/tasks", TaskBodies.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray().Single()!;
        Assert.Equal((pointer, rule), ((string?)error["pointer"], (string?)error["rule"]));
        using var read = await _host.Client.GetAsync("api/tasks/bad-auth");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    private static JsonObject WithAuth(JsonObject task, string audience = "api://reports")
    {
        task["target"]!["auth"] = new JsonObject { ["type"] = "managedIdentity", ["audience"] = audience };
        return task;
    }

    private async Task<JsonNode> FirstRunAsync(string id)
    {
        JsonNode? run = null;
        Assert.True(
            await Eventually.TrueAsync(
                async () => (run = JsonNode.Parse(await _host.Client.GetStringAsync($"api/tasks/{id}/runs"))!["items"]!.AsArray().FirstOrDefault()) is not null,
                Bound),
            $"No run of {id} was recorded.");
        return run!;
    }
}
