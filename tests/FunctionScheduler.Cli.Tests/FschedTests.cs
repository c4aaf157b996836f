using System.Text.Json;
using FunctionScheduler.Cli.Tests.Support;
using FunctionScheduler.Client.Tests.Support;
using FunctionScheduler.Testing.Targets;

namespace FunctionScheduler.Cli.Tests;

/// <summary>fsched's commands end to end against the real standalone host and Azurite.</summary>
public sealed class FschedTests(SchedulerHostFixture fixture) : IClassFixture<SchedulerHostFixture>, IDisposable
{
    private readonly Fsched _fsched = Fsched.For(fixture);
    private readonly List<string> _files = [];

    [Fact]
    public async Task Create_ShortFormFlags_PrintsTheStoredTaskAsJson()
    {
        var result = await _fsched.RunAsync(
            "tasks", "create", "--id", "cli-create", "--cron", "0 30 2 * * *", "--zone", "Europe/Berlin", "--jitter", "PT30S",
            "--url", fixture.HookUrl, "--method", "put", "--header", "X-Env: test", "--secret-header", "Authorization: Bearer s3cret",
            "--body", "{\"kind\":\"nightly\"}", "--max-attempts", "5", "-o", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var task = Read<TaskRepresentation>(result.Out);
        Assert.Equal(("cli-create", "0 30 2 * * *", "Europe/Berlin", "PUT"), (task.Id, task.Schedule.Cron, task.Schedule.TimeZone, task.Target.Method));
        Assert.Equal(TimeSpan.FromSeconds(30), task.Schedule.Jitter);
        Assert.Equal("test", task.Target.Headers["X-Env"]);
        Assert.True(task.Target.SecretHeaders.ContainsKey("Authorization"));
        Assert.Equal(5, task.Target.Retry.MaxAttempts);
        Assert.DoesNotContain("s3cret", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_CheckNotificationAndHealthFlags_StoresThemAndPrintsThemInTheTable()
    {
        var result = await _fsched.RunAsync(
            "tasks", "create", "--id", "cli-checks", "--interval", "PT1H", "--url", fixture.HookUrl,
            "--expect-status", "200,204", "--expect-status", "3xx", "--expect-json", "/status=\"ok\"", "--retry-failed-checks",
            "--notify-url", fixture.AlertsUrl, "--notify-timeout", "PT5S", "--notify-header", "X-Team: ops",
            "--notify-secret-header", "Authorization: Bearer alert-s3cret", "--auto-pause-after", "3", "--overdue-after", "PT20M", "-o", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var task = Read<TaskRepresentation>(result.Out);
        Assert.Equal(["200", "204", "300-399"], task.Target.Success!.Statuses);
        Assert.Equal("/status", task.Target.Success.Body!.JsonPointer);
        Assert.Equal("\"ok\"", task.Target.Success.Body.EqualTo!.Value.GetRawText());
        Assert.True(task.Target.Success.Retry);
        Assert.Equal(fixture.AlertsUrl, task.FailureAction!.Url);
        Assert.Equal(TimeSpan.FromSeconds(5), task.FailureAction.Timeout);
        Assert.Equal("ops", task.FailureAction.Headers["X-Team"]);
        Assert.True(task.FailureAction.SecretHeaders.ContainsKey("Authorization"));
        Assert.Equal(3, task.AutoPauseAfter);
        Assert.Equal(TimeSpan.FromMinutes(20), task.OverdueTolerance);
        Assert.DoesNotContain("alert-s3cret", result.Out, StringComparison.Ordinal);

        var shown = await _fsched.RunAsync("tasks", "get", "cli-checks");
        Assert.True(shown.ExitCode == ExitCodes.Ok, shown.ToString());
        Assert.Contains("HTTP 200, 204, 300-399, /status = \"ok\", failed checks retried", shown.Out, StringComparison.Ordinal);
        Assert.Contains("POST " + fixture.AlertsUrl, shown.Out, StringComparison.Ordinal);
        Assert.Contains("0 failed in a row, last success -, overdue after PT20M", shown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BrokenCheckFlags_PrintsEachErrorAgainstItsFlag()
    {
        var result = await _fsched.RunAsync(
            "tasks", "create", "--interval", "PT1H", "--url", fixture.HookUrl, "--expect-status", "200,999", "--expect-json", "status=ok",
            "--notify-header", "Host: example.com", "--auto-pause-after", "0", "--overdue-after", "10m");

        Assert.True(result.ExitCode == ExitCodes.Invalid, result.ToString());
        Assert.Contains("--expect-status (/target/success/statuses/1)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--expect-json (/target/success/body/jsonPointer)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--notify-url (/failureAction/url)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--notify-header Host (/failureAction/headers/Host)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--auto-pause-after (/autoPauseAfter)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--overdue-after (/overdueTolerance)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchedulesPreview_CronAndZone_PrintsTheTextAndALocalTimeTable()
    {
        var result = await _fsched.RunAsync(
            "schedules", "preview", "--cron", "30 2 * * *", "--zone", "Europe/Berlin", "--after", "2026-03-28T12:00:00Z", "--count", "2");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("At 02:30 every day, Europe/Berlin", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-03-29T03:00:00+02:00", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-03-30T02:30:00+02:00", result.Out, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchedulesPreview_BadValues_PrintsEachErrorAgainstItsFlagAndExitsInvalid()
    {
        var result = await _fsched.RunAsync("schedules", "preview", "--interval", "5m", "--count", "0");

        Assert.True(result.ExitCode == ExitCodes.Invalid, result.ToString());
        Assert.Contains("--interval (/schedule/interval)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--count (/count)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TasksPreview_StoredTask_PrintsItsOccurrencesAsJson()
    {
        var created = await _fsched.RunAsync("tasks", "put", "cli-preview", "--cron", "0 0 1 1 *", "--url", fixture.HookUrl);
        Assert.True(created.ExitCode == ExitCodes.Ok, created.ToString());

        var result = await _fsched.RunAsync("tasks", "preview", "cli-preview", "--count", "3", "-o", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var preview = Read<SchedulePreviewRepresentation>(result.Out);
        Assert.Equal("At 00:00 on 1 January, UTC", preview.ScheduleText);
        Assert.Equal(3, preview.Occurrences.Count);
        Assert.All(preview.Occurrences, o => Assert.Equal((1, 1, 0), (o.ScheduledAt.Month, o.ScheduledAt.Day, o.ScheduledAt.Hour)));
    }

    [Fact]
    public async Task Create_ValuesBreakingRules_PrintsEachErrorAgainstItsFlagAndExitsInvalid()
    {
        var result = await _fsched.RunAsync(
            "tasks", "create", "--cron", "0 99 * * *", "--zone", "Mars/Olympus", "--interval", "5m", "--url", "ftp://example.com/x", "--header", "Host: example.com");

        Assert.True(result.ExitCode == ExitCodes.Invalid, result.ToString());
        Assert.Contains("--cron, --interval or --at (/schedule)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--cron (/schedule/cron)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--interval (/schedule/interval)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--url (/target/url)", result.Error, StringComparison.Ordinal);
        Assert.Contains("--header Host (/target/headers/Host)", result.Error, StringComparison.Ordinal);
        Assert.Contains("[reserved-header]", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Create_AuthAudienceFlag_StoresAManagedIdentityTokenForIt()
    {
        var result = await _fsched.RunAsync("tasks", "create", "--id", "cli-auth", "--cron", "0 0 1 1 *", "--url", fixture.HookUrl, "--auth-audience", "api://reports", "-o", "json");
        var table = await _fsched.RunAsync("tasks", "get", "cli-auth");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Equal(new TargetAuthRepresentation { Type = TargetAuthType.ManagedIdentity, Audience = "api://reports" }, Read<TaskRepresentation>(result.Out).Target.Auth);
        Assert.Contains("managedIdentity token for api://reports", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_AuthAudienceBreakingRules_PrintsEachErrorAgainstItsFlag()
    {
        var result = await _fsched.RunAsync(
            "tasks", "create", "--cron", "0 0 1 1 *", "--url", fixture.HookUrl, "--auth-audience", "reports", "--secret-header", "Authorization: Bearer x");

        Assert.True(result.ExitCode == ExitCodes.Invalid, result.ToString());
        Assert.Contains("--auth-audience (/target/auth/audience)", result.Error, StringComparison.Ordinal);
        Assert.Contains("[audience]", result.Error, StringComparison.Ordinal);
        Assert.Contains("--secret-header Authorization (/target/secretHeaders/Authorization)", result.Error, StringComparison.Ordinal);
        Assert.Contains("[auth-conflict]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_JsonOutputAndBrokenRules_WritesTheProblemDocumentToStandardError()
    {
        var result = await _fsched.RunAsync("tasks", "create", "--interval", "PT5M", "-o", "json");

        Assert.Equal(ExitCodes.Invalid, result.ExitCode);
        var problem = Read<ProblemDocument>(result.Error);
        Assert.Equal(ProblemTypes.Validation, problem.Type);
        Assert.Equal(ValidationRules.Required, Assert.Single(problem.Errors!, error => error.Pointer == "/target/url").Rule);
    }

    [Fact]
    public async Task Create_FileWithBrokenRules_PrintsErrorsByPointerIntoTheFile()
    {
        var path = await TempFileAsync($$"""{ "schedule": { "interval": "PT5M", "jitter": "PT2H" }, "target": { "url": "{{fixture.HookUrl}}", "Method": "GET" } }""");

        var result = await _fsched.RunAsync("tasks", "create", "--file", path);

        Assert.True(result.ExitCode == ExitCodes.Invalid, result.ToString());
        Assert.Contains($"{path} /schedule/jitter: ", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{path} /target/Method: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("[unknown-property]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ShortFormJsonOnStandardInput_IsCreated()
    {
        var result = await _fsched.RunWithInputAsync(
            $$"""{ "id": "cli-stdin", "interval": "PT1H", "url": "{{fixture.HookUrl}}" }""", "tasks", "create", "--file", "-");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("Created.", result.Out, StringComparison.Ordinal);
        Assert.Contains("every PT1H", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tasks", "create", "--file", "-", "--cron", "* * * * *")]
    [InlineData("tasks", "create", "--file", "/no/such/file.json")]
    [InlineData("tasks", "create", "--interval", "PT1M", "--url", "http://x", "--header", "no colon")]
    [InlineData("tasks", "create", "--max-runs", "many")]
    [InlineData("tasks", "create", "--interval", "PT1M", "--url", "http://x", "--expect-json", "no-equals-sign")]
    [InlineData("tasks", "create", "--interval", "PT1M", "--url", "http://x", "--notify-header", "no colon")]
    [InlineData("tasks", "list", "--state", "sleeping")]
    [InlineData("tasks", "runs", "some-id", "--limit", "0")]
    [InlineData("tasks", "get")]
    [InlineData("tasks", "frobnicate", "x")]
    [InlineData("tasks")]
    public async Task Run_UnusableCommandLine_ExitsUsageWithoutSending(params string[] args)
    {
        var result = await _fsched.With("FUNCTIONSCHEDULER_ENDPOINT", "http://127.0.0.1:9").RunAsync(args);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_IdTaken_ExitsConflict()
    {
        string[] create = ["tasks", "create", "--id", "cli-taken", "--interval", "PT1H", "--url", fixture.HookUrl];
        Assert.Equal(ExitCodes.Ok, (await _fsched.RunAsync(create)).ExitCode);

        var result = await _fsched.RunAsync(create);

        Assert.True(result.ExitCode == ExitCodes.Conflict, result.ToString());
        Assert.Contains("--id (/id)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoSuchTask_ExitsNotFound()
    {
        var result = await _fsched.RunAsync("tasks", "get", "cli-missing");

        Assert.True(result.ExitCode == ExitCodes.NotFound, result.ToString());
        Assert.Contains("cli-missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WrongKeyFromTheEnvironment_ExitsUnauthorized()
    {
        var result = await _fsched.With("FUNCTIONSCHEDULER_API_KEY", "wrong").RunAsync("tasks", "get", "cli-create");

        Assert.True(result.ExitCode == ExitCodes.Unauthorized, result.ToString());
    }

    [Fact]
    public async Task Create_NothingListening_ExitsUnavailable()
    {
        var result = await _fsched.With("FUNCTIONSCHEDULER_ENDPOINT", $"http://127.0.0.1:{LoopbackPorts.Closed()}")
            .RunAsync("tasks", "create", "--interval", "PT1H", "--url", fixture.HookUrl);

        Assert.True(result.ExitCode == ExitCodes.Unavailable, result.ToString());
        Assert.Contains("could not be reached", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NoEndpointAnywhere_ExitsUsageNamingEverySource()
    {
        var result = await _fsched.With("FUNCTIONSCHEDULER_ENDPOINT", null)
            .RunAsync("tasks", "list", "--config", await TempFileAsync("{}"));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("--endpoint", result.Error, StringComparison.Ordinal);
        Assert.Contains("FUNCTIONSCHEDULER_ENDPOINT", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_EndpointAndKeyFromTheConfigFile_Works()
    {
        var config = await TempFileAsync($$"""{ "endpoint": "{{fixture.Host.BaseAddress}}", "apiKey": "{{Standalone.Tests.Support.StandaloneTestHost.ApiKey}}" }""");
        var bare = _fsched.With("FUNCTIONSCHEDULER_ENDPOINT", null).With("FUNCTIONSCHEDULER_API_KEY", null);

        var result = await bare.With("FUNCTIONSCHEDULER_CONFIG", config).RunAsync("tasks", "list", "--group", "cli-none");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("0 tasks", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_EndpointFlag_WinsOverTheEnvironment()
    {
        var result = await _fsched.With("FUNCTIONSCHEDULER_ENDPOINT", $"http://127.0.0.1:{LoopbackPorts.Closed()}")
            .RunAsync("tasks", "list", "--group", "cli-none", "--endpoint", fixture.Host.BaseAddress.AbsoluteUri);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
    }

    [Fact]
    public async Task List_GroupOverSeveralPages_TableHasEveryTaskSortedAndJsonIsTheArray()
    {
        foreach (var id in new[] { "cli-list-a", "cli-list-b", "cli-list-c" })
        {
            Assert.Equal(ExitCodes.Ok, (await _fsched.RunAsync("tasks", "put", id, "--group", "cli-list", "--interval", "PT1H", "--url", fixture.HookUrl)).ExitCode);
        }

        var table = await _fsched.RunAsync("tasks", "list", "--group", "cli-list", "--page-size", "2");
        var json = await _fsched.RunAsync("tasks", "list", "--group", "cli-list", "-o", "json");

        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.All(new[] { "cli-list-a", "cli-list-b", "cli-list-c", "every PT1H", "3 tasks" }, text => Assert.Contains(text, table.Out, StringComparison.Ordinal));
        // The table is sorted by id whatever order the index listed them in.
        var positions = new[] { "cli-list-a", "cli-list-b", "cli-list-c" }.Select(id => table.Out.IndexOf(id, StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(["cli-list-a", "cli-list-b", "cli-list-c"], Read<List<TaskRepresentation>>(json.Out).Select(task => task.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_PageSizeOutOfRange_PrintsTheErrorAgainstTheFlag()
    {
        var result = await _fsched.RunAsync("tasks", "list", "--page-size", "0");

        Assert.True(result.ExitCode == ExitCodes.Invalid, result.ToString());
        Assert.Contains("--page-size (?pageSize)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifecycle_PutReplacePauseResumeRunRunsDelete_EachStepExitsOkAndSaysWhatHappened()
    {
        var hook = fixture.HookUrl + "?task=cli-life";
        Assert.Contains("Created.", (await Ok("tasks", "put", "cli-life", "--cron", "0 0 1 1 *", "--url", hook)).Out, StringComparison.Ordinal);
        Assert.Contains("Replaced.", (await Ok("tasks", "put", "cli-life", "--cron", "0 0 2 1 *", "--url", hook)).Out, StringComparison.Ordinal);
        Assert.Contains("paused", (await Ok("tasks", "pause", "cli-life")).Out, StringComparison.Ordinal);
        Assert.Contains("active", (await Ok("tasks", "resume", "cli-life")).Out, StringComparison.Ordinal);
        Assert.Contains("Run requested.", (await Ok("tasks", "run", "cli-life")).Out, StringComparison.Ordinal);

        var runs = await Poll.UntilAsync(
            async () => Read<List<RunRepresentation>>((await Ok("tasks", "runs", "cli-life", "-o", "json")).Out),
            found => found.Count > 0,
            TimeSpan.FromSeconds(30));
        Assert.Equal(OccurrenceKind.Manual, Assert.Single(runs).Kind);
        Assert.Contains("manual", (await Ok("tasks", "runs", "cli-life", "--limit", "1")).Out, StringComparison.Ordinal);

        Assert.Contains("Deleted task cli-life", (await Ok("tasks", "delete", "cli-life")).Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, (await _fsched.RunAsync("tasks", "get", "cli-life")).ExitCode);
    }

    private async Task<CliResult> Ok(params string[] args)
    {
        var result = await _fsched.RunAsync(args);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        return result;
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, SchedulerJson.Options)!;

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    private async Task<string> TempFileAsync(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fsched-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        _files.Add(path);
        return path;
    }
}
