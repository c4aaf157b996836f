using FunctionScheduler.Client.Tests.Support;

namespace FunctionScheduler.Client.Tests.EndToEnd;

/// <summary>Backfill, versions, export and import through the client against the real standalone host.</summary>
public sealed class ClientOperationsTests(SchedulerHostFixture fixture) : IClassFixture<SchedulerHostFixture>
{
    private readonly FunctionSchedulerClient _client = fixture.CreateClient();

    [Fact]
    public async Task StartBackfillAsync_PastWindow_FiresEachOccurrenceAsBackfillAndEnds()
    {
        await _client.CreateTaskAsync(TaskBuilder.Cron("0 0 * * *").WithId("client-backfill").Calls(fixture.HookUrl).Build());
        await _client.PauseTaskAsync("client-backfill");
        var today = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero);

        var started = await _client.StartBackfillAsync("client-backfill", new BackfillRequest { From = today.AddDays(-3), To = today.AddDays(-1) });

        Assert.Equal((BackfillStatus.Running, 3), (started.Status, started.Occurrences));
        await Poll.UntilAsync(() => _client.GetBackfillAsync("client-backfill"), b => b.Status == BackfillStatus.Completed, TimeSpan.FromSeconds(30));
        var runs = await _client.GetRunsAsync("client-backfill").ToListAsync();
        Assert.Equal([today.AddDays(-1), today.AddDays(-2), today.AddDays(-3)], runs.Select(r => r.ScheduledAt));
        Assert.All(runs, r => Assert.Equal((OccurrenceKind.Backfill, RunStatus.Succeeded), (r.Kind, r.Status)));
        Assert.Equal(BackfillStatus.Completed, (await _client.CancelBackfillAsync("client-backfill")).Status);
    }

    [Fact]
    public async Task StartBackfillAsync_WindowInTheFuture_ValidationExceptionAtTo()
    {
        await _client.CreateTaskAsync(TaskBuilder.Cron("0 0 * * *").WithId("client-backfill-bad").Calls(fixture.HookUrl).Build());

        var exception = await Assert.ThrowsAsync<FunctionSchedulerException>(() =>
            _client.StartBackfillAsync("client-backfill-bad", new BackfillRequest { From = DateTimeOffset.UtcNow, To = DateTimeOffset.UtcNow.AddDays(1) }));

        Assert.True(exception.IsValidation);
        Assert.Equal(ValidationRules.Max, Assert.Single(exception.ErrorsAt("/to")).Rule);
    }

    [Fact]
    public async Task Versions_ListGetRestore_RoundTrip()
    {
        var builder = TaskBuilder.Cron("0 1 * * *").WithId("client-versions").Calls(fixture.HookUrl).WithSecretHeader("Authorization", "Bearer v1");
        await _client.CreateTaskAsync(builder.Build());
        var read = (await _client.GetTaskAsync("client-versions")).ToDefinition();
        await _client.PutTaskAsync("client-versions", read with { Schedule = read.Schedule with { Cron = "0 2 * * *" } });

        var versions = await _client.GetVersionsAsync("client-versions");
        var first = await _client.GetVersionAsync("client-versions", 1);
        var restored = await _client.RestoreVersionAsync("client-versions", 1);

        Assert.Equal([2L, 1L], versions.Select(v => v.Version));
        Assert.Equal(["/schedule/cron"], versions[0].Changes!);
        Assert.Equal("0 1 * * *", first.Definition!.Schedule.Cron);
        Assert.Null(first.Definition.Target.SecretHeaders!["Authorization"]);
        Assert.Equal((3L, "0 1 * * *"), (restored.State.Generation, restored.Schedule.Cron));
        var missing = await Assert.ThrowsAsync<FunctionSchedulerException>(() => _client.GetVersionAsync("client-versions", 7));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task ExportThenImport_SameDefinitions_UnchangedAndAChangeIsReported()
    {
        const string Group = "client-transfer";
        await _client.CreateTaskAsync(TaskBuilder.Cron("0 3 * * *").WithId("client-transfer-a").InGroup(Group).Calls(fixture.HookUrl).WithSecretHeader("Authorization", "Bearer a").Build());
        await _client.CreateTaskAsync(TaskBuilder.Interval(TimeSpan.FromHours(2)).WithId("client-transfer-b").InGroup(Group).Calls(fixture.HookUrl).Build());

        // Exported in the index's listing order (by storage partition, not alphabetical): put in id order here.
        var exported = (await _client.ExportTasksAsync(Group).ToListAsync()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var again = await _client.ImportTasksAsync(exported, dryRun: true);
        var changed = await _client.ImportTasksAsync([exported[0] with { Name = "renamed" }, exported[1]]);

        Assert.Equal(["client-transfer-a", "client-transfer-b"], exported.Select(d => d.Id));
        Assert.Null(exported[0].Target.SecretHeaders!["Authorization"]);
        Assert.Equal((true, 0, 0, 2), (again.DryRun, again.Created, again.Changed, again.Unchanged));
        Assert.Equal((1, 1), (changed.Changed, changed.Unchanged));
        Assert.Equal(["/name"], changed.Lines[0].Changes!);
        Assert.Equal("renamed", (await _client.GetTaskAsync("client-transfer-a")).Name);
    }

    [Fact]
    public async Task ImportTasksAsync_BrokenLine_ValidationExceptionNamingTheLine()
    {
        var lines = System.Text.Encoding.UTF8.GetBytes(
            $$"""{"id":"client-import-ok","cron":"0 4 * * *","url":"{{fixture.HookUrl}}"}""" + "\n" + """{"id":"client-import-bad","cron":"0 99 * * *","url":"https://x.example"}""");

        var exception = await Assert.ThrowsAsync<FunctionSchedulerException>(() => _client.ImportTasksAsync(lines));

        Assert.True(exception.IsValidation);
        var error = Assert.Single(exception.Errors);
        Assert.Equal((2, "/cron", ValidationRules.Cron), (error.Line, error.Pointer, error.Rule));
        Assert.Equal(404, (await Assert.ThrowsAsync<FunctionSchedulerException>(() => _client.GetTaskAsync("client-import-ok"))).Status);
    }
}
