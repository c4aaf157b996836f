using System.Text;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Api;

#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync
public sealed class BackfillApiTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 20, TimeSpan.Zero);
    private const string Hourly = """{"id":"h1","cron":"0 * * * *","url":"https://target.example/hook"}""";
    private const string Window = """{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T09:00:00Z"}""";

    private readonly FakeTimeProvider _clock = new(T0);
    private CoreServices _core = null!;

    public async Task InitializeAsync()
    {
        _core = new CoreServices(_clock, new ScriptedTarget(_clock));
        Assert.Equal(201, (await _core.Api.CreateAsync(Utf8(Hourly))).StatusCode);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Theory]
    [InlineData("""{"to":"2026-03-02T09:00:00Z"}""", "/from", "required")]
    [InlineData("""{"from":"2026-03-02T06:00:00Z"}""", "/to", "required")]
    [InlineData("""{"from":"2026-03-02 06:00","to":"2026-03-02T09:00:00Z"}""", "/from", "date-time")]
    [InlineData("""{"from":"2026-03-02T06:00:00","to":"2026-03-02T09:00:00Z"}""", "/from", "date-time")]
    [InlineData("""{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T10:00:21Z"}""", "/to", "max")]
    [InlineData("""{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T05:59:59Z"}""", "/to", "after")]
    [InlineData("""{"from":"1969-12-31T23:59:59Z","to":"2026-03-02T05:59:59Z"}""", "/from", "min")]
    [InlineData("""{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T09:00:00Z","limit":0}""", "/limit", "min")]
    [InlineData("""{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T09:00:00Z","limit":1001}""", "/limit", "max")]
    [InlineData("""{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T09:00:00Z","limit":"3"}""", "/limit", "type")]
    [InlineData("""{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T09:00:00Z","retryFailed":"yes"}""", "/retryFailed", "type")]
    [InlineData("""{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T09:00:00Z","From":"x"}""", "/From", "unknown-property")]
    [InlineData("""{"from":"2026-03-02T06:00:00Z","from":"2026-03-02T07:00:00Z","to":"2026-03-02T09:00:00Z"}""", "/from", "duplicate-property")]
    [InlineData("""["2026-03-02T06:00:00Z"]""", "", "type")]
    [InlineData("""not json""", "", "json")]
    [InlineData("", "", "json")]
    public async Task StartBackfillAsync_InvalidBody_400NamingFieldAndRuleAndNothingStored(string body, string pointer, string rule)
    {
        var response = await _core.Api.StartBackfillAsync("h1", Utf8(body));

        Assert.Equal(400, response.StatusCode);
        var problem = Assert.IsType<ProblemDocument>(response.Body);
        Assert.Contains(problem.Errors!, e => e.Pointer == pointer && e.Rule == rule);
        Assert.Equal(404, (await _core.Api.GetBackfillAsync("h1")).StatusCode);
        Assert.Null((await _core.Store.GetAsync("h1"))!.State.Backfill);
    }

    [Fact]
    public async Task StartBackfillAsync_WindowOverTheMaximum_400MaxItemsAndNothingStored()
    {
        Assert.Equal(201, (await _core.Api.CreateAsync(Utf8("""{"id":"s1","cron":"* * * * * *","url":"https://target.example/hook"}"""))).StatusCode);

        var response = await _core.Api.StartBackfillAsync("s1", Utf8("""{"from":"2026-03-02T09:00:00Z","to":"2026-03-02T09:16:40Z"}"""));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains(Assert.IsType<ProblemDocument>(response.Body).Errors!, e => e.Pointer == "" && e.Rule == "max-items");
        Assert.Null((await _core.Store.GetAsync("s1"))!.State.Backfill);
        Assert.Equal(202, (await _core.Api.StartBackfillAsync("s1", Utf8("""{"from":"2026-03-02T09:00:00Z","to":"2026-03-02T09:16:39Z"}"""))).StatusCode);
    }

    [Fact]
    public async Task StartBackfillAsync_Valid_202WithTheBackfillStoredInTheStateAndLocation()
    {
        var response = await _core.Api.StartBackfillAsync("h1", Utf8("""{"from":"2026-03-02T06:00:00Z","to":"2026-03-02T09:00:00Z","limit":3,"retryFailed":true}"""));

        Assert.Equal(202, response.StatusCode);
        Assert.Equal("/api/tasks/h1/backfill", response.Location);
        var backfill = Assert.IsType<BackfillRepresentation>(response.Body);
        Assert.Equal((BackfillStatus.Running, 4, 3, true, 1L, T0), (backfill.Status, backfill.Occurrences, backfill.Limit, backfill.RetryFailed, backfill.Generation, backfill.RequestedAt));
        var state = Assert.IsType<TaskRepresentation>((await _core.Api.GetAsync("h1")).Body).State;
        Assert.Equal(backfill, state.Backfill);
        Assert.Equal(backfill, (await _core.Api.GetBackfillAsync("h1")).Body);
    }

    [Fact]
    public async Task StartBackfillAsync_OneRunning_409AndTheRunningOneUnchanged()
    {
        Assert.Equal(202, (await _core.Api.StartBackfillAsync("h1", Utf8(Window))).StatusCode);

        var response = await _core.Api.StartBackfillAsync("h1", Utf8("""{"from":"2026-03-01T06:00:00Z","to":"2026-03-01T09:00:00Z"}"""));

        Assert.Equal(409, response.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero), (await _core.Store.GetAsync("h1"))!.State.Backfill!.From);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task Backfill_UnknownTask_404(string method)
    {
        var response = method switch
        {
            "POST" => await _core.Api.StartBackfillAsync("nobody", Utf8(Window)),
            "GET" => await _core.Api.GetBackfillAsync("nobody"),
            _ => await _core.Api.CancelBackfillAsync("nobody"),
        };

        Assert.Equal(404, response.StatusCode);
        Assert.Equal(Problems.NotFoundType, Assert.IsType<ProblemDocument>(response.Body).Type);
    }

    [Fact]
    public async Task CancelBackfillAsync_Running_EndsItAndIsIdempotent()
    {
        Assert.Equal(404, (await _core.Api.CancelBackfillAsync("h1")).StatusCode);
        Assert.Equal(202, (await _core.Api.StartBackfillAsync("h1", Utf8(Window))).StatusCode);
        _clock.Advance(TimeSpan.FromSeconds(5));

        var first = await _core.Api.CancelBackfillAsync("h1");
        _clock.Advance(TimeSpan.FromSeconds(5));
        var second = await _core.Api.CancelBackfillAsync("h1");

        Assert.Equal((200, 200), (first.StatusCode, second.StatusCode));
        var canceled = Assert.IsType<BackfillRepresentation>(first.Body);
        Assert.Equal((BackfillStatus.Canceled, T0.AddSeconds(5)), (canceled.Status, canceled.EndedAt));
        Assert.Equal(canceled, second.Body);
        Assert.Equal(BackfillStatus.Canceled, (await _core.Store.GetAsync("h1"))!.State.Backfill!.Status);
        Assert.Equal(202, (await _core.Api.StartBackfillAsync("h1", Utf8(Window))).StatusCode);
    }

    [Fact]
    public async Task CancelBackfillAsync_BeforeTheNextClaim_NothingMoreFires()
    {
        var target = new ScriptedTarget(_clock);
        await using var core = new CoreServices(_clock, target);
        Assert.Equal(201, (await core.Api.CreateAsync(Utf8(Hourly))).StatusCode);
        Assert.Equal(202, (await core.Api.StartBackfillAsync("h1", Utf8(Window))).StatusCode);
        var claim = new Core.Planning.ClaimRequest("a", TimeSpan.FromMinutes(1));
        await core.Executor.RunDueAsync((await core.Store.GetAsync("h1"))!, claim);

        Assert.Equal(200, (await core.Api.CancelBackfillAsync("h1")).StatusCode);
        var outcome = await core.Executor.RunDueAsync((await core.Store.GetAsync("h1"))!, claim);

        Assert.Single(target.Fires);
        Assert.Empty(outcome.Claimed);
        Assert.Equal((BackfillStatus.Canceled, 1), (outcome.Task!.State.Backfill!.Status, outcome.Task.State.Backfill.Fired));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
