using FunctionScheduler.Client.Tests.Support;

namespace FunctionScheduler.Client.Tests.EndToEnd;

/// <summary>Every route of the client against the real standalone host and Azurite.</summary>
public sealed class FunctionSchedulerClientTests(SchedulerHostFixture fixture) : IClassFixture<SchedulerHostFixture>
{
    private readonly FunctionSchedulerClient _client = fixture.CreateClient();

    [Fact]
    public async Task CreateTaskAsync_BuiltCronDefinition_ReturnsTheStoredTaskWithEveryDefaultWrittenOut()
    {
        var definition = TaskBuilder.Cron("0 30 2 * * *", timeZone: "Europe/Berlin")
            .WithId("client-create").InGroup("client-reports").WithName("Nightly report")
            .WithJitter(TimeSpan.FromSeconds(30))
            .OnMisfire(MisfirePolicy.CatchUp, grace: TimeSpan.FromMinutes(5), catchUpLimit: 3)
            .Calls(fixture.HookUrl, "put")
            .WithHeader("X-Env", "test").WithSecretHeader("Authorization", "Bearer s3cret")
            .WithBody("{\"kind\":\"nightly\"}")
            .Build();

        var task = await _client.CreateTaskAsync(definition);

        Assert.Equal("client-create", task.Id);
        Assert.Equal("client-reports", task.Group);
        Assert.Equal("0 30 2 * * *", task.Schedule.Cron);
        Assert.Equal("Europe/Berlin", task.Schedule.TimeZone);
        Assert.Equal(TimeSpan.FromSeconds(30), task.Schedule.Jitter);
        Assert.Equal(new MisfireRepresentation { Policy = MisfirePolicy.CatchUp, Grace = TimeSpan.FromMinutes(5), CatchUpLimit = 3 }, task.Schedule.Misfire);
        Assert.Equal("PUT", task.Target.Method);
        Assert.Equal("test", task.Target.Headers["X-Env"]);
        Assert.Null(Assert.Single(task.Target.SecretHeaders).Value);
        Assert.Equal("application/json", task.Target.ContentType);
        Assert.Equal(TimeSpan.FromSeconds(30), task.Target.Timeout);
        Assert.Equal(3, task.Target.Retry.MaxAttempts);
        Assert.Equal(TaskLifecycle.Active, task.State.Lifecycle);
        Assert.NotNull(task.State.NextFireAt);
        Assert.Equal(SchedulerJson.Serialize(task), SchedulerJson.Serialize(await _client.GetTaskAsync("client-create")));
    }

    [Fact]
    public async Task CreateTaskAsync_WithManagedIdentity_StoredAndKeptByAReadEditPut()
    {
        var definition = TaskBuilder.Cron("0 0 1 1 *").WithId("client-auth").Calls(fixture.HookUrl).WithManagedIdentity("api://reports").Build();

        var created = await _client.CreateTaskAsync(definition);
        var edited = created.ToDefinition() with { Name = "renamed" };
        var replaced = await _client.PutTaskAsync("client-auth", edited);

        Assert.Equal(new TargetAuthRepresentation { Type = TargetAuthType.ManagedIdentity, Audience = "api://reports" }, created.Target.Auth);
        Assert.Equal(created.Target.Auth, replaced.Target.Auth);
        Assert.Equal("renamed", replaced.Name);
    }

    [Fact]
    public async Task CreateTaskAsync_ManagedIdentityWithAnAuthorizationHeader_ValidationErrorAtTheHeader()
    {
        var definition = TaskBuilder.Cron("0 0 1 1 *").Calls(fixture.HookUrl).WithSecretHeader("Authorization", "Bearer x").WithManagedIdentity("api://reports").Build();

        var error = await Assert.ThrowsAsync<FunctionSchedulerException>(() => _client.CreateTaskAsync(definition));

        Assert.True(error.IsValidation);
        var field = Assert.Single(error.Errors);
        Assert.Equal(("/target/secretHeaders/Authorization", ValidationRules.AuthConflict), (field.Pointer, field.Rule));
    }

    [Fact]
    public async Task CreateTaskAsync_WithoutId_ServerGeneratesOne()
    {
        var task = await _client.CreateTaskAsync(TaskBuilder.Interval(TimeSpan.FromHours(1)).Calls(fixture.HookUrl).Build());

        Assert.StartsWith("t-", task.Id, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(1), task.Schedule.Interval);
        Assert.Null(task.Schedule.TimeZone);
    }

    [Fact]
    public async Task CreateTaskAsync_BrokenRules_ThrowsOneValidationExceptionWithEveryFieldByPointer()
    {
        var definition = TaskBuilder.Cron("0 99 * * *", timeZone: "Mars/Olympus")
            .WithJitter(TimeSpan.FromHours(2))
            .Calls("ftp://example.com/x")
            .Build();

        var exception = await Assert.ThrowsAsync<FunctionSchedulerException>(() => _client.CreateTaskAsync(definition));

        Assert.Equal(400, exception.Status);
        Assert.True(exception.IsValidation);
        Assert.Equal(ValidationRules.Cron, Assert.Single(exception.ErrorsAt("/schedule/cron")).Rule);
        Assert.Equal(ValidationRules.TimeZone, Assert.Single(exception.ErrorsAt("/schedule/timeZone")).Rule);
        Assert.Equal(ValidationRules.Max, Assert.Single(exception.ErrorsAt("/schedule/jitter")).Rule);
        Assert.Equal(ValidationRules.AbsoluteHttpUrl, Assert.Single(exception.ErrorsAt("/target/url")).Rule);
        Assert.Equal(4, exception.Errors.Count);
    }

    [Fact]
    public async Task CreateTaskAsync_RawShortFormJson_IsReadByTheServer()
    {
        var json = System.Text.Encoding.UTF8.GetBytes($$"""{ "id": "client-short", "cron": "*/5 * * * *", "url": "{{fixture.HookUrl}}" }""");

        var task = await _client.CreateTaskAsync(json);

        Assert.Equal("*/5 * * * *", task.Schedule.Cron);
        Assert.Equal("POST", task.Target.Method);
    }

    [Fact]
    public async Task CreateTaskAsync_IdTaken_ThrowsConflict()
    {
        var definition = TaskBuilder.Interval(TimeSpan.FromMinutes(5)).WithId("client-taken").Calls(fixture.HookUrl).Build();
        await _client.CreateTaskAsync(definition);

        var exception = await Assert.ThrowsAsync<FunctionSchedulerException>(() => _client.CreateTaskAsync(definition));

        Assert.Equal(409, exception.Status);
        Assert.Equal(ProblemTypes.Conflict, exception.ProblemType);
        Assert.Equal("unique", Assert.Single(exception.ErrorsAt("/id")).Rule);
    }

    [Fact]
    public async Task PutTaskAsync_ReadChangePutBack_ReplacesAndKeepsTheSecretItNeverSaw()
    {
        var created = await _client.PutTaskAsync("client-put", TaskBuilder.Cron("0 * * * *")
            .Calls(fixture.HookUrl).WithSecretHeader("Authorization", "Bearer s3cret").Build());
        Assert.Equal(1, created.State.Generation);

        var read = await _client.GetTaskAsync("client-put");
        var changed = read.ToDefinition() with { Schedule = read.ToDefinition().Schedule with { Cron = "0 12 * * *" } };
        var replaced = await _client.PutTaskAsync("client-put", changed);

        Assert.Equal(2, replaced.State.Generation);
        Assert.Equal("0 12 * * *", replaced.Schedule.Cron);
        Assert.True(replaced.Target.SecretHeaders.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task RunTaskNowAsync_BodyCheckFailsWithAutoPauseAfterOne_PausesNotifiesAndShowsHealth()
    {
        var definition = TaskBuilder.Interval(TimeSpan.FromHours(1)).WithId("client-health")
            .Calls(fixture.HookUrl).ExpectStatus(200).ExpectJson("/status", "ok")
            .OnFailureNotify(fixture.AlertsUrl, TimeSpan.FromSeconds(5)).WithNotificationSecretHeader("Authorization", "Bearer alert")
            .AutoPauseAfter(1).OverdueAfter(TimeSpan.FromMinutes(10))
            .Build();
        var created = await _client.CreateTaskAsync(definition);
        Assert.Equal(["200"], created.Target.Success!.Statuses);
        Assert.Equal("\"ok\"", created.Target.Success.Body!.EqualTo!.Value.GetRawText());
        Assert.Null(Assert.Single(created.FailureAction!.SecretHeaders).Value);
        Assert.Equal(TimeSpan.FromMinutes(10), created.State.Health!.OverdueTolerance);

        await _client.RunTaskNowAsync("client-health");

        var paused = await Poll.UntilAsync(() => _client.GetTaskAsync("client-health"), task => task.State.Lifecycle == TaskLifecycle.Paused, TimeSpan.FromSeconds(20));
        Assert.Equal(PausedReason.ConsecutiveFailures, paused.State.PausedReason);
        Assert.Equal(1, paused.State.Health!.ConsecutiveFailures);
        var run = Assert.Single(await ListAsync(_client.GetRunsAsync("client-health")));
        Assert.Equal(RunErrorClass.Assertion, run.ErrorClass);
        Assert.Equal(NotificationStatus.Succeeded, run.Notification?.Status);
        Assert.Equal(run.RunId + ":runFailed", run.Notification?.Id);
        var resumed = await _client.ResumeTaskAsync("client-health");
        Assert.Null(resumed.State.PausedReason);
    }

    [Fact]
    public async Task GetTaskAsync_NoSuchTask_ThrowsNotFound()
    {
        var exception = await Assert.ThrowsAsync<FunctionSchedulerException>(() => _client.GetTaskAsync("client-missing"));

        Assert.Equal(404, exception.Status);
        Assert.Equal(ProblemTypes.NotFound, exception.ProblemType);
        Assert.Empty(exception.Errors);
    }

    [Fact]
    public async Task GetTasksAsync_GroupOverSeveralPages_YieldsEveryTaskOnceAndPagesWithTokens()
    {
        for (var i = 0; i < 5; i++)
        {
            await _client.PutTaskAsync($"client-page-{i}", TaskBuilder.Interval(TimeSpan.FromHours(1)).InGroup("client-paged").Calls(fixture.HookUrl).Build());
        }

        var ids = (await ListAsync(_client.GetTasksAsync(group: "client-paged", pageSize: 2))).Select(task => task.Id);

        var pages = new List<PageRepresentation<TaskRepresentation>>();
        await foreach (var page in _client.GetTasksAsync(group: "client-paged").AsPages(pageSizeHint: 2))
        {
            pages.Add(page);
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"client-page-{i}"), ids.Order(StringComparer.Ordinal));
        Assert.Equal([2, 2, 1], pages.Select(page => page.Items.Count));
        Assert.Null(pages[^1].ContinuationToken);
    }

    [Fact]
    public async Task GetTasksAsync_ByState_ListsOnlyThatLifecycle()
    {
        await _client.PutTaskAsync("client-state-a", TaskBuilder.Interval(TimeSpan.FromHours(1)).InGroup("client-state").Calls(fixture.HookUrl).Build());
        await _client.PutTaskAsync("client-state-p", TaskBuilder.Interval(TimeSpan.FromHours(1)).InGroup("client-state").Calls(fixture.HookUrl).Build());
        await _client.PauseTaskAsync("client-state-p");

        var paused = await ListAsync(_client.GetTasksAsync(group: "client-state", state: TaskLifecycle.Paused));

        Assert.Equal(["client-state-p"], paused.Select(task => task.Id));
    }

    [Fact]
    public async Task PauseAndResume_Twice_AreIdempotent()
    {
        await _client.PutTaskAsync("client-pause", TaskBuilder.Cron("0 * * * *").Calls(fixture.HookUrl).Build());

        var paused = await _client.PauseTaskAsync("client-pause");
        var pausedAgain = await _client.PauseTaskAsync("client-pause");
        var resumed = await _client.ResumeTaskAsync("client-pause");

        Assert.Equal(TaskLifecycle.Paused, paused.State.Lifecycle);
        Assert.Null(paused.State.NextFireAt);
        Assert.Equal(TaskLifecycle.Paused, pausedAgain.State.Lifecycle);
        Assert.Equal(TaskLifecycle.Active, resumed.State.Lifecycle);
        Assert.NotNull(resumed.State.NextFireAt);
    }

    [Fact]
    public async Task RunTaskNowAsync_FiresTheTargetAndTheRunIsListed()
    {
        await _client.PutTaskAsync("client-run", TaskBuilder.Cron("0 0 1 1 *").Calls(fixture.HookUrl + "?task=client-run").Build());

        var accepted = await _client.RunTaskNowAsync("client-run");
        Assert.Equal(1, accepted.State.PendingRunRequests);

        var runs = await Poll.UntilAsync(() => ListAsync(_client.GetRunsAsync("client-run")), found => found.Count > 0, TimeSpan.FromSeconds(30));

        var run = Assert.Single(runs);
        Assert.Equal(OccurrenceKind.Manual, run.Kind);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(200, run.HttpStatus);
        Assert.Contains(fixture.Target.RequestsTo("/hook"), request => request.Headers.ContainsKey("X-Scheduler-Run-Id"));
    }

    [Fact]
    public async Task DeleteTaskAsync_Existing_RemovesItThenSecondDeleteIsNotFound()
    {
        await _client.PutTaskAsync("client-delete", TaskBuilder.Interval(TimeSpan.FromHours(1)).Calls(fixture.HookUrl).Build());

        await _client.DeleteTaskAsync("client-delete");

        Assert.Equal(404, (await Assert.ThrowsAsync<FunctionSchedulerException>(() => _client.GetTaskAsync("client-delete"))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<FunctionSchedulerException>(() => _client.DeleteTaskAsync("client-delete"))).Status);
    }

    [Fact]
    public async Task GetRunsAsync_NoSuchTask_ThrowsNotFoundOnFirstPage()
    {
        var exception = await Assert.ThrowsAsync<FunctionSchedulerException>(() => ListAsync(_client.GetRunsAsync("client-no-runs")));

        Assert.Equal(404, exception.Status);
    }

    [Fact]
    public async Task AnyRoute_WrongApiKey_ThrowsUnauthorized()
    {
        var client = fixture.CreateClient(options => options.ApiKey = "not-the-key");

        var exception = await Assert.ThrowsAsync<FunctionSchedulerException>(() => client.GetTaskAsync("client-create"));

        Assert.Equal(401, exception.Status);
        Assert.NotNull(exception.Problem);
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
