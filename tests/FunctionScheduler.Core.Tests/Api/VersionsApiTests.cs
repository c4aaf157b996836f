using System.Text;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Api;

#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync
public sealed class VersionsApiTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 20, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(T0);
    private CoreServices _core = null!;

    public Task InitializeAsync()
    {
        _core = new CoreServices(_clock, new ScriptedTarget(_clock));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private static string Body(string cron, string url, string secret, string? name = null) =>
        $$$$"""{"id":"v1","name":"{{{{name ?? "report"}}}}","schedule":{"cron":"{{{{cron}}}}"},"target":{"url":"{{{{url}}}}","secretHeaders":{"Authorization":{{{{(secret == "keep" ? "null" : $"\"{secret}\"")}}}}}}}""";

    [Fact]
    public async Task ListVersionsAsync_TwoReplaces_ThreeVersionsNewestFirstWithWhenAndWhatChanged()
    {
        await CreateAsync(Body("0 * * * *", "https://a.example/run", "Bearer one"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(Body("0 2 * * *", "https://a.example/run", "keep"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(Body("0 2 * * *", "https://a.example/run", "Bearer two", name: "renamed"));

        var response = await _core.Api.ListVersionsAsync("v1");

        Assert.Equal(200, response.StatusCode);
        var items = Assert.IsType<PageRepresentation<TaskVersionRepresentation>>(response.Body).Items;
        Assert.Equal([3L, 2L, 1L], items.Select(v => v.Version));
        Assert.Equal([true, false, false], items.Select(v => v.Current));
        Assert.Equal([T0.AddMinutes(2), T0.AddMinutes(1), T0], items.Select(v => v.SavedAt));
        Assert.Equal(["/name", "/target/secretHeaders/Authorization"], items[0].Changes!);
        Assert.Equal(["/schedule/cron"], items[1].Changes!);
        Assert.Empty(items[2].Changes!);
        Assert.All(items, v => Assert.Null(v.Definition));
        Assert.DoesNotContain("Bearer", SchedulerJson.Serialize(response.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetVersionAsync_KeptOne_ItsDefinitionWithSecretNamesButNoValues()
    {
        await CreateAsync(Body("0 * * * *", "https://a.example/run", "Bearer one"));
        await PutAsync(Body("0 2 * * *", "https://a.example/run", "keep"));

        var response = await _core.Api.GetVersionAsync("v1", "1");

        Assert.Equal(200, response.StatusCode);
        var version = Assert.IsType<TaskVersionRepresentation>(response.Body);
        Assert.Equal((1L, false), (version.Version, version.Current));
        Assert.Equal("0 * * * *", version.Definition!.Schedule.Cron);
        Assert.Equal(new Dictionary<string, string?> { ["Authorization"] = null }, version.Definition.Target.SecretHeaders);
        Assert.DoesNotContain("Bearer", SchedulerJson.Serialize(response.Body), StringComparison.Ordinal);
        var current = Assert.IsType<TaskVersionRepresentation>((await _core.Api.GetVersionAsync("v1", "2")).Body);
        Assert.Equal((2L, true, "0 2 * * *"), (current.Version, current.Current, current.Definition!.Schedule.Cron));
        Assert.Equal(["/schedule/cron"], current.Changes!);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("1.0")]
    [InlineData("one")]
    [InlineData("99999999999999999999")]
    public async Task GetAndRestoreVersionAsync_NoSuchVersion_404(string number)
    {
        await CreateAsync(Body("0 * * * *", "https://a.example/run", "Bearer one"));
        await PutAsync(Body("0 2 * * *", "https://a.example/run", "keep"));

        Assert.Equal(404, (await _core.Api.GetVersionAsync("v1", number)).StatusCode);
        Assert.Equal(404, (await _core.Api.RestoreVersionAsync("v1", number)).StatusCode);
        Assert.Equal(404, (await _core.Api.ListVersionsAsync("nobody")).StatusCode);
    }

    [Fact]
    public async Task RestoreVersionAsync_EarlierVersion_BecomesCurrentAsANewVersionWithItsSecrets()
    {
        await CreateAsync(Body("0 * * * *", "https://a.example/run", "Bearer one"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(Body("0 2 * * *", "https://a.example/other", "Bearer two"));
        _clock.Advance(TimeSpan.FromMinutes(1));

        var response = await _core.Api.RestoreVersionAsync("v1", "1");

        Assert.Equal(200, response.StatusCode);
        var task = Assert.IsType<TaskRepresentation>(response.Body);
        Assert.Equal((3L, "0 * * * *", "https://a.example/run"), (task.State.Generation, task.Schedule.Cron, task.Target.Url));
        Assert.Equal("Bearer one", (await _core.Store.GetAsync("v1"))!.Definition.Target.SecretHeaders["Authorization"]);
        var versions = Assert.IsType<PageRepresentation<TaskVersionRepresentation>>((await _core.Api.ListVersionsAsync("v1")).Body).Items;
        Assert.Equal([3L, 2L, 1L], versions.Select(v => v.Version));
        Assert.Equal(["/schedule/cron", "/target/url", "/target/secretHeaders/Authorization"], versions[0].Changes!);
    }

    [Fact]
    public async Task RestoreVersionAsync_VersionOnAnotherOrigin_TakesItsSecretsBackToTheOriginTheyWereGivenFor()
    {
        await CreateAsync(Body("0 * * * *", "https://a.example/run", "Bearer for-a"));
        await PutAsync(Body("0 * * * *", "https://b.example/run", "Bearer for-b"));

        Assert.Equal(200, (await _core.Api.RestoreVersionAsync("v1", "1")).StatusCode);

        var restored = (await _core.Store.GetAsync("v1"))!.Definition.Target;
        Assert.Equal(("a.example", "Bearer for-a"), (restored.Url.Host, restored.SecretHeaders["Authorization"]));
        Assert.Equal(200, (await _core.Api.RestoreVersionAsync("v1", "2")).StatusCode);
        restored = (await _core.Store.GetAsync("v1"))!.Definition.Target;
        Assert.Equal(("b.example", "Bearer for-b"), (restored.Url.Host, restored.SecretHeaders["Authorization"]));
    }

    [Fact]
    public async Task RestoreVersionAsync_VersionWithAFailureAction_BringsBackTheActionItsSecretAndTheHealthSettings()
    {
        await CreateAsync(WithHealth("https://alerts.example/hook", "\"Bearer hook\""));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await PutAsync(Body("0 2 * * *", "https://a.example/run", "keep"));

        var version = Assert.IsType<TaskVersionRepresentation>((await _core.Api.GetVersionAsync("v1", "1")).Body);
        Assert.Equal(new Dictionary<string, string?> { ["X-Hook-Key"] = null }, version.Definition!.FailureAction!.SecretHeaders);
        Assert.Equal((TimeSpan.FromMinutes(20), 4), (version.Definition.OverdueTolerance, version.Definition.AutoPauseAfter));
        Assert.DoesNotContain("Bearer hook", SchedulerJson.Serialize(version), StringComparison.Ordinal);
        var current = Assert.IsType<TaskVersionRepresentation>((await _core.Api.GetVersionAsync("v1", "2")).Body);
        Assert.Contains("/failureAction", current.Changes!);
        Assert.Contains("/autoPauseAfter", current.Changes!);

        Assert.Equal(200, (await _core.Api.RestoreVersionAsync("v1", "1")).StatusCode);

        var restored = (await _core.Store.GetAsync("v1"))!.Definition;
        Assert.Equal("Bearer hook", restored.FailureAction!.SecretHeaders["X-Hook-Key"]);
        Assert.Equal((TimeSpan.FromMinutes(20), 4), (restored.OverdueTolerance, restored.AutoPauseAfter));
    }

    [Fact]
    public async Task PutAsync_FailureActionMovedToAnotherOriginKeepingItsSecretByNull_400OriginChanged()
    {
        await CreateAsync(WithHealth("https://alerts.example/hook", "\"Bearer hook\""));

        var response = await _core.Api.PutAsync("v1", Encoding.UTF8.GetBytes(WithHealth("https://elsewhere.example/hook", "null")));

        Assert.Equal(400, response.StatusCode);
        var error = Assert.Single(Assert.IsType<ProblemDocument>(response.Body).Errors!);
        Assert.Equal(("/failureAction/secretHeaders/X-Hook-Key", ValidationRules.OriginChanged), (error.Pointer, error.Rule));
    }

    private static string WithHealth(string actionUrl, string actionSecret) =>
        $$$$"""{"id":"v1","schedule":{"cron":"0 * * * *"},"target":{"url":"https://a.example/run","secretHeaders":{"Authorization":"Bearer one"}},"failureAction":{"url":"{{{{actionUrl}}}}","secretHeaders":{"X-Hook-Key":{{{{actionSecret}}}}}},"overdueTolerance":"PT20M","autoPauseAfter":4}""";

    [Fact]
    public async Task DeleteAsync_ThenCreateAgain_TheNewTaskHasOnlyItsOwnVersion()
    {
        await CreateAsync(Body("0 * * * *", "https://a.example/run", "Bearer one"));
        await PutAsync(Body("0 2 * * *", "https://a.example/run", "keep"));
        Assert.Equal(204, (await _core.Api.DeleteAsync("v1")).StatusCode);

        await CreateAsync(Body("0 3 * * *", "https://a.example/run", "Bearer new"));

        var items = Assert.IsType<PageRepresentation<TaskVersionRepresentation>>((await _core.Api.ListVersionsAsync("v1")).Body).Items;
        Assert.Equal([1L], items.Select(v => v.Version));
        Assert.Equal(404, (await _core.Api.GetVersionAsync("v1", "2")).StatusCode);
    }

    private async Task CreateAsync(string body) => Assert.Equal(201, (await _core.Api.CreateAsync(Encoding.UTF8.GetBytes(body))).StatusCode);

    private async Task PutAsync(string body)
    {
        var response = await _core.Api.PutAsync("v1", Encoding.UTF8.GetBytes(body));
        Assert.True(response.StatusCode == 200, $"PUT answered {response.StatusCode}: {SchedulerJson.Serialize(response.Body)}");
    }
}
