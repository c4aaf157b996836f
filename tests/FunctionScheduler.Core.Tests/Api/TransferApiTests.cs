using System.Text;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Api;

#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime.DisposeAsync
public sealed class TransferApiTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 20, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(T0);
    private readonly RecordingNotifier _notices = new();
    private CoreServices _core = null!;

    public Task InitializeAsync()
    {
        _core = new CoreServices(_clock, new ScriptedTarget(_clock), _notices);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private static string Line(string id, string cron = "0 * * * *", string url = "https://a.example/run", string secret = "\"Bearer s\"", string group = "default") =>
        $$$$"""{"id":"{{{{id}}}}","group":"{{{{group}}}}","schedule":{"cron":"{{{{cron}}}}"},"target":{"url":"{{{{url}}}}","secretHeaders":{"Authorization":{{{{secret}}}}}}}""";

    [Fact]
    public async Task ExportAsync_SeveralPages_EveryDefinitionOncePerLineSecretsNamedNotValued()
    {
        foreach (var id in (string[])["e1", "e2", "e3", "e4", "e5"])
        {
            Assert.Equal(201, (await _core.Api.CreateAsync(Utf8(Line(id)))).StatusCode);
        }

        _core.Api.ExportPageSize = 2;
        var response = await _core.Api.ExportAsync(new ListParameters());

        Assert.Equal((200, JsonLines.MediaType), (response.StatusCode, response.ContentType));
        var lines = await LinesOf(response);
        // In the index's listing order, which spreads a group over partitions by a hash of the id: each once.
        Assert.Equal(["e1", "e2", "e3", "e4", "e5"], lines.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(lines, d => Assert.Equal(new Dictionary<string, string?> { ["Authorization"] = null }, d.Target.SecretHeaders));
        Assert.All(lines, d => Assert.Equal("0 * * * *", d.Schedule.Cron));
    }

    [Theory]
    [InlineData("a b", null, "?group")]
    [InlineData(null, "sleeping", "?state")]
    public async Task ExportAsync_BadFilter_400NamingTheParameter(string? group, string? state, string pointer)
    {
        var response = await _core.Api.ExportAsync(new ListParameters(group, state));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains(Assert.IsType<ProblemDocument>(response.Body).Errors!, e => e.Pointer == pointer);
    }

    [Fact]
    public async Task ExportAsync_GroupFilter_OnlyThatGroup()
    {
        Assert.Equal(201, (await _core.Api.CreateAsync(Utf8(Line("g1", group: "reports")))).StatusCode);
        Assert.Equal(201, (await _core.Api.CreateAsync(Utf8(Line("g2")))).StatusCode);

        var lines = await LinesOf(await _core.Api.ExportAsync(new ListParameters(Group: "reports")));

        Assert.Equal(["g1"], lines.Select(d => d.Id));
    }

    [Fact]
    public async Task ImportAsync_DryRun_ReportsCreatedChangedUnchangedAndWritesNothing()
    {
        Assert.Equal(201, (await _core.Api.CreateAsync(Utf8(Line("same")))).StatusCode);
        Assert.Equal(201, (await _core.Api.CreateAsync(Utf8(Line("other")))).StatusCode);
        _notices.Changes.Clear();

        var response = await _core.Api.ImportAsync(Lines(Line("new"), Line("same", secret: "null"), Line("other", cron: "0 2 * * *", secret: "null")), "true");

        Assert.Equal(200, response.StatusCode);
        var report = Assert.IsType<ImportReport>(response.Body);
        Assert.Equal((true, 1, 1, 1, 0), (report.DryRun, report.Created, report.Changed, report.Unchanged, report.Failed));
        Assert.Equal([(1, "new", ImportOutcome.Created), (2, "same", ImportOutcome.Unchanged), (3, "other", ImportOutcome.Changed)], report.Lines.Select(l => (l.Line, l.Id, l.Outcome)));
        Assert.Equal(["/schedule/cron"], report.Lines[2].Changes!);
        Assert.Null(await _core.Store.GetAsync("new"));
        Assert.Equal("0 * * * *", (await _core.Store.GetAsync("other"))!.Definition.Schedule.Cron);
        Assert.Empty(_notices.Changes);
    }

    [Fact]
    public async Task ImportAsync_Valid_UpsertsEachLineKeepsSecretsByNullAndLeavesUnchangedAlone()
    {
        Assert.Equal(201, (await _core.Api.CreateAsync(Utf8(Line("same")))).StatusCode);
        Assert.Equal(201, (await _core.Api.CreateAsync(Utf8(Line("other")))).StatusCode);
        var sameBefore = await _core.Store.GetAsync("same");
        _notices.Changes.Clear();

        var response = await _core.Api.ImportAsync(Lines(Line("new"), Line("same", secret: "null"), Line("other", cron: "0 2 * * *", secret: "null")), null);

        var report = Assert.IsType<ImportReport>(response.Body);
        Assert.Equal((false, 1, 1, 1, 0), (report.DryRun, report.Created, report.Changed, report.Unchanged, report.Failed));
        Assert.NotNull(await _core.Store.GetAsync("new"));
        var other = (await _core.Store.GetAsync("other"))!;
        Assert.Equal(("0 2 * * *", "Bearer s", 2L), (other.Definition.Schedule.Cron, other.Definition.Target.SecretHeaders["Authorization"], other.State.Generation));
        Assert.Equal(sameBefore!.Version, (await _core.Store.GetAsync("same"))!.Version);
        Assert.Equal([("new", TaskChange.Created), ("other", TaskChange.Replaced)], _notices.Changes);
    }

    [Fact]
    public async Task ImportAsync_ExportedDefinitionsBack_AllUnchanged()
    {
        Assert.Equal(201, (await _core.Api.CreateAsync(Utf8(Line("r1")))).StatusCode);
        Assert.Equal(201, (await _core.Api.CreateAsync(Utf8("""{"id":"r2","interval":"PT5M","url":"https://b.example/x"}"""))).StatusCode);
        var exported = await LinesOf(await _core.Api.ExportAsync(new ListParameters()));

        var response = await _core.Api.ImportAsync(Lines([.. exported.Select(d => SchedulerJson.Serialize(d))]), null);

        var report = Assert.IsType<ImportReport>(response.Body);
        Assert.Equal((0, 0, 2), (report.Created, report.Changed, report.Unchanged));
    }

    [Fact]
    public async Task ExportThenImport_TaskWithSuccessCheckAndFailureAction_WritesThemWithSecretNamesOnlyAndImportsThemUnchanged()
    {
        const string body = """{"id":"h1","schedule":{"cron":"0 * * * *"},"target":{"url":"https://a.example/run","success":{"statuses":["200"],"body":{"jsonPointer":"/status","equals":"ok"}}},"failureAction":{"url":"https://alerts.example/hook","headers":{"X-Team":"ops"},"secretHeaders":{"X-Hook-Key":"hook secret"},"timeout":"PT5S"},"overdueTolerance":"PT20M","autoPauseAfter":3}""";
        Assert.Equal(201, (await _core.Api.CreateAsync(Utf8(body))).StatusCode);

        var response = await _core.Api.ExportAsync(new ListParameters());
        var line = Assert.Single(await LinesOf(response));

        Assert.Equal(new Dictionary<string, string?> { ["X-Hook-Key"] = null }, line.FailureAction!.SecretHeaders);
        Assert.Equal(("https://alerts.example/hook", "ops", TimeSpan.FromSeconds(5)), (line.FailureAction.Url, line.FailureAction.Headers!["X-Team"], line.FailureAction.Timeout));
        Assert.Equal(["200"], line.Target.Success!.Statuses!);
        Assert.Equal("/status", line.Target.Success.Body!.JsonPointer);
        Assert.Equal((TimeSpan.FromMinutes(20), 3), (line.OverdueTolerance, line.AutoPauseAfter));
        Assert.DoesNotContain("hook secret", SchedulerJson.Serialize(line), StringComparison.Ordinal);

        var report = Assert.IsType<ImportReport>((await _core.Api.ImportAsync(Lines(SchedulerJson.Serialize(line)), null)).Body);
        Assert.Equal((0, 0, 1, 0), (report.Created, report.Changed, report.Unchanged, report.Failed));
        Assert.Equal("hook secret", (await _core.Store.GetAsync("h1"))!.Definition.FailureAction!.SecretHeaders["X-Hook-Key"]);
    }

    [Fact]
    public async Task ImportAsync_NewTaskWhoseFailureActionSecretIsNull_400RequiredAtItsLine()
    {
        const string line = """{"id":"fresh","schedule":{"cron":"0 * * * *"},"target":{"url":"https://a.example/run"},"failureAction":{"url":"https://alerts.example/hook","secretHeaders":{"X-Hook-Key":null}}}""";

        var response = await _core.Api.ImportAsync(Lines(line), null);

        Assert.Equal(400, response.StatusCode);
        var error = Assert.Single(Assert.IsType<ProblemDocument>(response.Body).Errors!);
        Assert.Equal(ValidationRules.Required, error.Rule);
        Assert.EndsWith("/failureAction/secretHeaders/X-Hook-Key", error.Pointer, StringComparison.Ordinal);
        Assert.Null(await _core.Store.GetAsync("fresh"));
    }

    [Fact]
    public async Task ImportAsync_BadLines_400WithEveryLineNumberAndPointerAndNothingWritten()
    {
        Assert.Equal(201, (await _core.Api.CreateAsync(Utf8(Line("moved")))).StatusCode);
        _notices.Changes.Clear();

        var response = await _core.Api.ImportAsync(
            Lines(
                Line("fine"),
                "{ not json",
                """{"cron":"* * * * *","url":"https://a.example"}""",
                Line("fine"),
                Line("bad-cron", cron: "61 * * * *"),
                Line("fresh", secret: "null"),
                Line("moved", url: "https://elsewhere.example/run", secret: "null"),
                Line("export"),
                "[1,2]"),
            null);

        Assert.Equal(400, response.StatusCode);
        var errors = Assert.IsType<ProblemDocument>(response.Body).Errors!;
        Assert.Equal(
            [
                (2, "", "json"),
                (3, "/id", "required"),
                (4, "/id", "unique"),
                (5, "/schedule/cron", "cron"),
                (6, "/target/secretHeaders/Authorization", "required"),
                (7, "/target/secretHeaders/Authorization", "origin-changed"),
                (8, "/id", "reserved-id"),
                (9, "", "type"),
            ],
            errors.Select(e => (e.Line!.Value, e.Pointer, e.Rule)));
        Assert.Null(await _core.Store.GetAsync("fine"));
        Assert.Empty(_notices.Changes);
    }

    [Fact]
    public async Task ImportAsync_MoreThanTheMaximumLines_400AtTheFirstLineOver()
    {
        var lines = Enumerable.Range(1, TasksApi.MaxImportLines + 5).Select(i => Line($"n{i}")).ToArray();

        var response = await _core.Api.ImportAsync(Lines(lines), "true");

        var error = Assert.Single(Assert.IsType<ProblemDocument>(response.Body).Errors!);
        Assert.Equal((TasksApi.MaxImportLines + 1, "", "max-items"), (error.Line!.Value, error.Pointer, error.Rule));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("True")]
    [InlineData("true,false")]
    public async Task ImportAsync_BadDryRun_400NamingTheParameter(string dryRun)
    {
        var response = await _core.Api.ImportAsync(Lines(Line("x")), dryRun);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("?dryRun", Assert.Single(Assert.IsType<ProblemDocument>(response.Body).Errors!).Pointer);
        Assert.Null(await _core.Store.GetAsync("x"));
    }

    private static async IAsyncEnumerable<JsonLine> Lines(params string[] lines)
    {
        await Task.Yield();
        for (var i = 0; i < lines.Length; i++)
        {
            yield return new JsonLine(i + 1, Utf8(lines[i]));
        }
    }

    private static async Task<List<TaskDefinition>> LinesOf(ApiResponse response)
    {
        var lines = new List<TaskDefinition>();
        await foreach (var item in Assert.IsType<JsonLines>(response.Body).Items)
        {
            lines.Add(Assert.IsType<TaskDefinition>(item));
        }

        return lines;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private sealed class RecordingNotifier : ITaskChangeNotifier
    {
        public List<(string Id, TaskChange Change)> Changes { get; } = [];

        public Task NotifyAsync(StoredTask task, TaskChange change, CancellationToken cancellationToken = default)
        {
            Changes.Add((task.Id, change));
            return Task.CompletedTask;
        }
    }
}
