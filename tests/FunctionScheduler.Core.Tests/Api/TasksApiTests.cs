using System.Text;
using System.Text.Json;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Api;

#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync
public sealed class TasksApiTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 20, TimeSpan.Zero);
    private const string Minute = """{"id":"t1","cron":"* * * * *","url":"https://target.example/hook"}""";

    private readonly FakeTimeProvider _clock = new(T0);
    private CoreServices _core = null!;

    public Task InitializeAsync()
    {
        _core = new CoreServices(_clock, new ScriptedTarget(_clock));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task CreateAsync_ValidTask_Returns201WithLocationAndVersion()
    {
        var response = await _core.Api.CreateAsync(Utf8(Minute));

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("/api/tasks/t1", response.Location);
        Assert.False(string.IsNullOrEmpty(response.ETag));
        Assert.Equal("application/json", response.ContentType);
    }

    [Theory]
    [InlineData("""{"id":"t1","cron":"* * *","url":"https://target.example/hook"}""", "/cron", "cron")]
    [InlineData("""{"id":"t1","cron":"@fortnightly","url":"https://target.example/hook"}""", "/cron", "cron")]
    [InlineData("""{"id":"t1","schedule":{"cron":"H * * * *"},"target":{"url":"https://x.example"}}""", "/schedule/cron", "cron")]
    [InlineData("""{"id":"t1","schedule":{"cron":"* * * * *","timeZone":"Mars/Olympus"},"target":{"url":"https://x.example"}}""", "/schedule/timeZone", "time-zone")]
    [InlineData("""{"id":"t1","cron":"* * * * *","url":"ftp://x.example"}""", "/url", "absolute-http-url")]
    [InlineData("""{"id":"t1","cron":"* * * * *","url":"https://x.example","colour":"red"}""", "/colour", "unknown-property")]
    [InlineData("""not json""", "", "json")]
    public async Task CreateAsync_InvalidBody_Returns400ProblemNamingFieldAndRule(string body, string pointer, string rule)
    {
        var response = await _core.Api.CreateAsync(Utf8(body));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
        var problem = Assert.IsType<ProblemDocument>(response.Body);
        Assert.Equal(Problems.ValidationType, problem.Type);
        Assert.Contains(problem.Errors!, e => e.Pointer == pointer && e.Rule == rule);
        Assert.DoesNotContain("..", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(404, (await _core.Api.GetAsync("t1")).StatusCode);
    }

    [Theory]
    //          cron                stored              next fire (T0 is Monday 2026-03-02 10:00:20Z)
    [InlineData("@Hourly",          "@hourly",          "2026-03-02T11:00:00Z")]
    [InlineData("@daily",           "@daily",           "2026-03-03T00:00:00Z")]
    [InlineData("@weekly",          "@weekly",          "2026-03-08T00:00:00Z")]
    [InlineData("@YEARLY",          "@yearly",          "2027-01-01T00:00:00Z")]
    [InlineData("@every_second",    "@every_second",    "2026-03-02T10:00:20Z")]
    public async Task CreateAsync_CronMacro_StoresItAndShowsItsNextFire(string cron, string stored, string nextFireAt)
    {
        var response = await _core.Api.CreateAsync(Utf8($$"""{"id":"t1","cron":"{{cron}}","url":"https://target.example/hook"}"""));

        Assert.Equal(201, response.StatusCode);
        var task = Assert.IsType<TaskRepresentation>(response.Body);
        Assert.Equal(stored, task.Schedule.Cron);
        Assert.Equal(DateTimeOffset.Parse(nextFireAt, System.Globalization.CultureInfo.InvariantCulture), task.State.NextFireAt);
        Assert.Equal(stored, (await _core.Store.GetAsync("t1"))!.Definition.Schedule.Cron);
    }

    [Fact]
    public async Task CreateAsync_TwentyThousandUnknownProperties_AnswersASmallProblemWithTheCount()
    {
        var properties = string.Concat(Enumerable.Range(0, 20_000).Select(i => $",\"x{i}\":1"));
        var body = Utf8("{\"id\":\"t1\",\"cron\":\"* * * * *\",\"url\":\"https://target.example/hook\"" + properties + "}");

        var response = await _core.Api.CreateAsync(body);

        var problem = Assert.IsType<ProblemDocument>(response.Body);
        Assert.Equal(400, response.StatusCode);
        Assert.Equal(Problems.MaxListedErrors, problem.Errors!.Count);
        Assert.Equal(20_000, problem.ErrorCount);
        Assert.Equal("/x0", problem.Errors[0].Pointer);
        Assert.InRange(Encoding.UTF8.GetByteCount(SchedulerJson.Serialize(problem)), 1, 16 * 1024);
    }

    [Fact]
    public async Task CreateAsync_DuplicateId_Returns409AndKeepsTheStoredTask()
    {
        await _core.Api.CreateAsync(Utf8(Minute));

        var response = await _core.Api.CreateAsync(Utf8("""{"id":"t1","cron":"*/2 * * * *","url":"https://other.example/"}"""));

        Assert.Equal(409, response.StatusCode);
        Assert.Equal("* * * * *", (await _core.Store.GetAsync("t1"))!.Definition.Schedule.Cron);
    }

    [Fact]
    public async Task PutAsync_NewThenExisting_Returns201Then200WithANewGeneration()
    {
        var created = await _core.Api.PutAsync("t1", Utf8(Minute));
        var replaced = await _core.Api.PutAsync("t1", Utf8("""{"cron":"*/5 * * * *","url":"https://target.example/hook"}"""));

        Assert.Equal(201, created.StatusCode);
        Assert.Equal(200, replaced.StatusCode);
        var stored = await _core.Store.GetAsync("t1");
        Assert.Equal(2, stored!.State.Generation);
        Assert.Equal("*/5 * * * *", stored.Definition.Schedule.Cron);
    }

    [Fact]
    public async Task PutAsync_InvalidBodyOverExistingTask_Returns400AndLosesNothing()
    {
        await _core.Api.CreateAsync(Utf8(Minute));
        var before = await _core.Store.GetAsync("t1");

        var response = await _core.Api.PutAsync("t1", Utf8("""{"cron":"99 * * * *","url":"https://target.example/hook"}"""));

        Assert.Equal(400, response.StatusCode);
        var after = await _core.Store.GetAsync("t1");
        Assert.Equal(before!.Version, after!.Version);
    }

    [Fact]
    public async Task PutAsync_ChangedGroup_IsRefusedNamingTheGroupField()
    {
        await _core.Api.CreateAsync(Utf8(Minute));

        var response = await _core.Api.PutAsync("t1", Utf8("""{"group":"elsewhere","cron":"* * * * *","url":"https://target.example/hook"}"""));

        Assert.InRange(response.StatusCode, 400, 409);
        var problem = Assert.IsType<ProblemDocument>(response.Body);
        Assert.Contains(problem.Errors!, e => e.Pointer == "/group" && e.Rule == "immutable");
        Assert.Equal(ScheduledTask.DefaultGroup, (await _core.Store.GetAsync("t1"))!.Group);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("bad/id")]
    public async Task GetAsync_UnknownOrMalformedId_Returns404Problem(string id)
    {
        var response = await _core.Api.GetAsync(id);

        Assert.Equal(404, response.StatusCode);
        Assert.Equal(Problems.NotFoundType, Assert.IsType<ProblemDocument>(response.Body).Type);
    }

    [Theory]
    [InlineData(null, null, "0", "?pageSize", "range")]
    [InlineData(null, null, "1001", "?pageSize", "range")]
    [InlineData(null, null, "ten", "?pageSize", "range")]
    [InlineData(null, "sleeping", null, "?state", "one-of")]
    [InlineData("no spaces", null, null, "?group", "pattern")]
    public async Task ListAsync_BadParameter_Returns400NamingTheParameter(string? group, string? state, string? pageSize, string pointer, string rule)
    {
        var response = await _core.Api.ListAsync(new ListParameters(group, state, pageSize));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains(Assert.IsType<ProblemDocument>(response.Body).Errors!, e => e.Pointer == pointer && e.Rule == rule);
    }

    [Fact]
    public async Task ListAsync_TokenFromNowhere_Returns400NamingTheToken()
    {
        var response = await _core.Api.ListAsync(new ListParameters(ContinuationToken: "forged"));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains(Assert.IsType<ProblemDocument>(response.Body).Errors!, e => e.Pointer == "?continuationToken");
    }

    public static TheoryData<string> HandMadeTokens() =>
        [.. ((IEnumerable<object[]>)Storage.PageTokensTests.HandMadeTokens()).Select(row => (string)row[0]).Where(token => token.Length > 0)];

    [Theory]
    [MemberData(nameof(HandMadeTokens))]
    public async Task ListAsync_HandMadeToken_Returns400NamingTheToken(string token)
    {
        await _core.Api.CreateAsync(Utf8(Minute));

        var response = await _core.Api.ListAsync(new ListParameters(ContinuationToken: token));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains(Assert.IsType<ProblemDocument>(response.Body).Errors!, e => e.Pointer == "?continuationToken" && e.Rule == "continuation-token");
    }

    [Theory]
    [MemberData(nameof(HandMadeTokens))]
    public async Task ListRunsAsync_HandMadeToken_Returns400NamingTheToken(string token)
    {
        await _core.Api.CreateAsync(Utf8(Minute));

        var response = await _core.Api.ListRunsAsync("t1", new ListParameters(ContinuationToken: token));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains(Assert.IsType<ProblemDocument>(response.Body).Errors!, e => e.Pointer == "?continuationToken" && e.Rule == "continuation-token");
    }

    [Fact]
    public async Task PauseAsync_CompletedTask_Returns409()
    {
        await _core.Api.CreateAsync(Utf8("""{"id":"t1","schedule":{"at":"2026-03-02T10:00:30Z"},"target":{"url":"https://target.example/hook"}}"""));
        _clock.Advance(TimeSpan.FromSeconds(15));
        await _core.Executor.RunDueAsync((await _core.Store.GetAsync("t1"))!, new("test", TimeSpan.FromMinutes(1)));

        var response = await _core.Api.PauseAsync("t1");

        Assert.Equal(409, response.StatusCode);
        Assert.Equal(TaskLifecycle.Completed, (await _core.Store.GetAsync("t1"))!.State.Lifecycle);
    }

    [Fact]
    public async Task RunNowAsync_ActiveTask_Returns202AndStoresTheRequest()
    {
        await _core.Api.CreateAsync(Utf8(Minute));

        var response = await _core.Api.RunNowAsync("t1");

        Assert.Equal(202, response.StatusCode);
        Assert.Equal([T0], (await _core.Store.GetAsync("t1"))!.State.RunRequests);
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenAgain_Returns204Then404AndRunsAreGone()
    {
        await _core.Api.CreateAsync(Utf8(Minute));
        await _core.Api.RunNowAsync("t1");
        await _core.Executor.RunDueAsync((await _core.Store.GetAsync("t1"))!, new("test", TimeSpan.FromMinutes(1)));

        var first = await _core.Api.DeleteAsync("t1");
        var second = await _core.Api.DeleteAsync("t1");

        Assert.Equal(204, first.StatusCode);
        Assert.Equal(404, second.StatusCode);
        Assert.Equal(404, (await _core.Api.ListRunsAsync("t1", new ListParameters())).StatusCode);
        Assert.Empty((await _core.Runs.ListAsync("t1", 10, null)).Items);
    }

    [Fact]
    public async Task EveryRead_SecretHeaderValue_NeverAppearsInAResponse()
    {
        const string secret = "s3cr3tTokenValue123456";
        await _core.Api.CreateAsync(Utf8("""{"id":"t1","schedule":{"cron":"* * * * *"},"target":{"url":"https://target.example/hook","secretHeaders":{"Authorization":"Bearer SECRET"}}}""".Replace("SECRET", secret, StringComparison.Ordinal)));

        var responses = new[]
        {
            await _core.Api.GetAsync("t1"),
            await _core.Api.ListAsync(new ListParameters()),
            await _core.Api.PauseAsync("t1"),
            await _core.Api.ResumeAsync("t1"),
            await _core.Api.RunNowAsync("t1"),
        };

        Assert.All(responses, r => Assert.DoesNotContain(secret, SchedulerJson.Serialize(r.Body), StringComparison.Ordinal));
        Assert.Equal("Bearer " + secret, (await _core.Store.GetAsync("t1"))!.Definition.Target.SecretHeaders["Authorization"]);
    }

    [Fact]
    public async Task PutAsync_UrlToAnotherOriginKeepingASecretByNull_Returns400AndTheSecretStaysWhereItWas()
    {
        await _core.Api.CreateAsync(Utf8("""{"id":"t1","schedule":{"cron":"* * * * *"},"target":{"url":"https://target.example/hook","secretHeaders":{"Authorization":"Bearer s3cr3t"}}}"""));
        var before = await _core.Store.GetAsync("t1");

        var response = await _core.Api.PutAsync("t1", Utf8("""{"schedule":{"cron":"* * * * *"},"target":{"url":"https://collector.example/hook","secretHeaders":{"Authorization":null}}}"""));

        Assert.Equal(400, response.StatusCode);
        var error = Assert.Single(Assert.IsType<ProblemDocument>(response.Body).Errors!);
        Assert.Equal(("/target/secretHeaders/Authorization", "origin-changed"), (error.Pointer, error.Rule));
        var after = await _core.Store.GetAsync("t1");
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal("https://target.example/hook", after.Definition.Target.Url.OriginalString);
    }

    [Fact]
    public async Task CreateAsync_NotifierThrows_StillReturns201AndTheTaskIsStored()
    {
        await using var core = new CoreServices(_clock, new ScriptedTarget(_clock), new ThrowingNotifier());

        var response = await core.Api.CreateAsync(Utf8(Minute));

        Assert.Equal(201, response.StatusCode);
        Assert.NotNull(await core.Store.GetAsync("t1"));
    }

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private sealed class ThrowingNotifier : ITaskChangeNotifier
    {
        public Task NotifyAsync(StoredTask task, TaskChange change, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("runtime unreachable");
    }
}
