using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Targets.Identity;
using FunctionScheduler.Functions.Tests.Fakes;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Identity;
using FunctionScheduler.Testing.Targets;
using FunctionScheduler.Testing.Timing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Functions.Tests.Engine;

/// <summary>
/// The Functions runtime's fire on the real Durable Task engine (in memory) with two signing keys and a target
/// that asks for an identity token: the activity goes through the same invoker as the standalone host.
/// </summary>
public sealed class IdentityEngineTests : IAsyncLifetime
{
    private const string OldSecret = "old signing secret of more than 32 bytes";
    private const string NewSecret = "new signing secret of more than 32 bytes";

    private readonly string _tablePrefix = AzuriteStorage.NewTablePrefix("engineid");
    private readonly TestTokenCredential _credential = new();
    private ILoggerFactory _loggers = null!;
    private LoopbackTarget _target = null!;
    private DurableEngine _engine = null!;

    private LogCounter Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _loggers = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Warning));
        _target = await LoopbackTarget.StartAsync(endpoints => endpoints.MapPost("/guarded", TargetBehaviors.Status(200, "ok")));
        var settings = DurableEngine.RotationSettings(_tablePrefix, OldSecret, NewSecret);
        _engine = await DurableEngine.StartAsync(
            EngineBackends.InMemory(_loggers),
            new FunctionTasks(),
            settings,
            Logs,
            replace: services => services.AddKeyedSingleton<TokenCredential>(TargetIdentityOptions.CredentialKey, _credential));
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        await _target.DisposeAsync();
        await DurableEngine.DeleteTablesAsync(_tablePrefix);
        _loggers.Dispose();
    }

    [Fact]
    public async Task RunNow_TargetWithAuthAndTwoSigningKeys_GetsTheTokenAndBothSignaturesAndTheRunNamesTheKeys()
    {
        var body = JsonSerializer.Serialize(new
        {
            id = "guarded",
            schedule = new { cron = "0 0 1 1 *" },
            target = new { url = _target.UrlFor("/guarded").ToString(), auth = new { type = "managedIdentity", audience = "api://reports" } },
        });
        await SendAsync("POST", "/api/tasks", body, 201);

        await SendAsync("POST", "/api/tasks/guarded/run", null, 202);

        Assert.True(await Eventually.TrueAsync(() => _target.RequestsTo("/guarded").Count >= 1, TimeSpan.FromSeconds(30)), "Run-now did not fire.");
        var request = Assert.Single(_target.RequestsTo("/guarded"));
        Assert.Equal("Bearer " + TestTokenCredential.TokenOf(1), request.Header("Authorization"));
        Assert.Equal(["api://reports/.default"], _credential.Scopes);
        Assert.Equal("key-old,key-new", request.Header(SchedulerHeaders.KeyId));
        foreach (var secret in (string[])[OldSecret, NewSecret])
        {
            Assert.Equal(SignatureCheck.Valid, new SignatureVerifier(secret).Verify(request.Header(SchedulerHeaders.Signature), request.Header(SchedulerHeaders.RunId), request.Body));
        }

        JsonArray? keyIds = null;
        Assert.True(
            await Eventually.TrueAsync(async () => (keyIds = (await RunsAsync())?["items"]?.AsArray().FirstOrDefault()?["signingKeyIds"]?.AsArray()) is not null, TimeSpan.FromSeconds(30)),
            "The run was not recorded.");
        Assert.Equal(["key-old", "key-new"], keyIds!.Select(k => (string?)k));
        var read = (await _engine.Host.SendAsync("GET", "/api/tasks/guarded", _engine.Client)).BodyText;
        Assert.DoesNotContain(TestTokenCredential.TokenOf(1), read, StringComparison.Ordinal);
        Assert.True(Logs.Errors.Count == 0, string.Join(Environment.NewLine, Logs.Errors.Take(3)));
    }

    private async Task<JsonNode?> RunsAsync() =>
        JsonNode.Parse((await _engine.Host.SendAsync("GET", "/api/tasks/guarded/runs", _engine.Client)).BodyText);

    private async Task SendAsync(string method, string path, string? body, int expected)
    {
        var response = await _engine.Host.SendAsync(method, path, _engine.Client, body);
        Assert.True(expected == (int)response.StatusCode, $"{method} {path} answered {(int)response.StatusCode}: {response.BodyText}");
    }
}
