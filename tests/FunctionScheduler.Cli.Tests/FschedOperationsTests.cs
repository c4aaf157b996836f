using System.Globalization;
using System.Text.Json;
using FunctionScheduler.Cli.Tests.Support;
using FunctionScheduler.Client.Tests.Support;

namespace FunctionScheduler.Cli.Tests;

/// <summary>fsched's backfill, versions, restore, export and import against the real standalone host and Azurite.</summary>
public sealed class FschedOperationsTests(SchedulerHostFixture fixture) : IClassFixture<SchedulerHostFixture>, IDisposable
{
    private readonly Fsched _fsched = Fsched.For(fixture);
    private readonly List<string> _files = [];

    [Fact]
    public async Task Backfill_WaitStatusCancel_FiresThePastWindowAndSaysSo()
    {
        await Ok("tasks", "create", "--id", "cli-backfill", "--cron", "0 0 * * *", "--url", fixture.HookUrl);
        await Ok("tasks", "pause", "cli-backfill");
        var today = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero);

        var started = await Ok("tasks", "backfill", "cli-backfill", "--from", Iso(today.AddDays(-2)), "--to", Iso(today.AddDays(-1)), "--wait", "-o", "json");

        var backfill = Read<BackfillRepresentation>(started.Out);
        Assert.Equal((BackfillStatus.Completed, 2, 2), (backfill.Status, backfill.Occurrences, backfill.Fired));
        Assert.Contains("completed", (await Ok("tasks", "backfill", "cli-backfill", "--status")).Out, StringComparison.Ordinal);
        Assert.Contains("Canceled.", (await Ok("tasks", "backfill", "cli-backfill", "--cancel")).Out, StringComparison.Ordinal);
        var runs = Read<List<RunRepresentation>>((await Ok("tasks", "runs", "cli-backfill", "-o", "json")).Out);
        Assert.All(runs, r => Assert.Equal(OccurrenceKind.Backfill, r.Kind));
        Assert.Equal(2, runs.Count);
    }

    [Fact]
    public async Task Backfill_WindowInTheFuture_PrintsTheErrorAgainstTheFlagAndExitsInvalid()
    {
        await Ok("tasks", "create", "--id", "cli-backfill-bad", "--cron", "0 0 * * *", "--url", fixture.HookUrl);

        var result = await _fsched.RunAsync("tasks", "backfill", "cli-backfill-bad", "--from", "2020-01-01T00:00:00Z", "--to", "2999-01-01T00:00:00Z");

        Assert.True(result.ExitCode == ExitCodes.Invalid, result.ToString());
        Assert.Contains("--to (/to)", result.Error, StringComparison.Ordinal);
        Assert.Contains("[max]", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--status", "--cancel")]
    [InlineData("--from", "2020-01-01T00:00:00Z", "--cancel")]
    public async Task Backfill_ConflictingFlags_ExitsUsage(params string[] flags)
    {
        var result = await _fsched.RunAsync(["tasks", "backfill", "anything", .. flags]);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
    }

    [Fact]
    public async Task VersionsAndRestore_ListShowRestore_EachSaysWhatHappened()
    {
        await Ok("tasks", "put", "cli-versions", "--cron", "0 1 * * *", "--url", fixture.HookUrl);
        await Ok("tasks", "put", "cli-versions", "--cron", "0 2 * * *", "--url", fixture.HookUrl);

        var list = await Ok("tasks", "versions", "cli-versions");
        var one = await Ok("tasks", "versions", "cli-versions", "--version", "1");
        var restored = await Ok("tasks", "restore", "cli-versions", "1");

        Assert.Contains("/schedule/cron", list.Out, StringComparison.Ordinal);
        Assert.Contains("0 1 * * *", one.Out, StringComparison.Ordinal);
        Assert.Contains("Restored version 1 as version 3.", restored.Out, StringComparison.Ordinal);
        var versions = Read<List<TaskVersionRepresentation>>((await Ok("tasks", "versions", "cli-versions", "-o", "json")).Out);
        Assert.Equal([3L, 2L, 1L], versions.Select(v => v.Version));
        Assert.Equal(ExitCodes.NotFound, (await _fsched.RunAsync("tasks", "versions", "cli-versions", "--version", "9")).ExitCode);
    }

    [Fact]
    public async Task ExportThenImport_FileRoundTrip_DryRunReportsUnchangedAndABrokenLineNamesItsLine()
    {
        await Ok("tasks", "create", "--id", "cli-transfer-a", "--group", "cli-transfer", "--cron", "0 3 * * *", "--url", fixture.HookUrl, "--secret-header", "Authorization: Bearer hidden");
        await Ok("tasks", "create", "--id", "cli-transfer-b", "--group", "cli-transfer", "--interval", "PT2H", "--url", fixture.HookUrl);
        var file = TempPath();

        Assert.Contains("Exported 2 tasks", (await Ok("tasks", "export", "--group", "cli-transfer", "--file", file)).Out, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(file);
        var dryRun = await Ok("tasks", "import", "--file", file, "--dry-run");
        var stdout = await Ok("tasks", "export", "--group", "cli-transfer");

        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain("hidden", string.Join('\n', lines), StringComparison.Ordinal);
        Assert.Contains("0 created, 0 changed, 2 unchanged", dryRun.Out, StringComparison.Ordinal);
        Assert.Equal(lines, stdout.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        await File.WriteAllTextAsync(file, lines[0] + "\n" + lines[1].Replace("PT2H", "2h", StringComparison.Ordinal) + "\n");
        var broken = await _fsched.RunAsync("tasks", "import", "--file", file);
        Assert.True(broken.ExitCode == ExitCodes.Invalid, broken.ToString());
        Assert.Contains("line 2 /schedule/interval", broken.Error, StringComparison.Ordinal);

        var imported = await _fsched.RunWithInputAsync(lines[0].Replace("0 3 * * *", "0 4 * * *", StringComparison.Ordinal) + "\n", "tasks", "import", "--file", "-", "-o", "json");
        Assert.True(imported.ExitCode == ExitCodes.Ok, imported.ToString());
        Assert.Equal(1, Read<ImportReport>(imported.Out).Changed);
    }

    private async Task<CliResult> Ok(params string[] args)
    {
        var result = await _fsched.RunAsync(args);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        return result;
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, SchedulerJson.Options)!;

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private string TempPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fsched-{Guid.NewGuid():N}.jsonl");
        _files.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }
}
