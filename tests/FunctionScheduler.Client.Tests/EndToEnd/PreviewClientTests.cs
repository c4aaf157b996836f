using FunctionScheduler.Client.Tests.Support;

namespace FunctionScheduler.Client.Tests.EndToEnd;

/// <summary>The preview routes through the client, against the real standalone host.</summary>
public sealed class PreviewClientTests(SchedulerHostFixture fixture) : IClassFixture<SchedulerHostFixture>
{
    private readonly FunctionSchedulerClient _client = fixture.CreateClient();

    [Fact]
    public async Task PreviewScheduleAsync_CronInNewYorkAcrossTheFallOverlap_TextLocalTimesAndNote()
    {
        var preview = await _client.PreviewScheduleAsync(new SchedulePreviewRequest
        {
            Schedule = new ScheduleDefinition { Cron = "30 1 * * *", TimeZone = "America/New_York" },
            After = new DateTimeOffset(2025, 11, 1, 12, 0, 0, TimeSpan.Zero),
            Count = 2,
        });

        Assert.Equal("At 01:30 every day, America/New_York", preview.ScheduleText);
        Assert.Equal(["2025-11-02T01:30:00-04:00", "2025-11-03T01:30:00-05:00"], preview.Occurrences.Select(o => o.Local));
        Assert.Contains("happens twice", preview.Occurrences[0].Note, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 11, 2, 5, 30, 0, TimeSpan.Zero), preview.Occurrences[0].ScheduledAt);
    }

    [Fact]
    public async Task PreviewScheduleAsync_BrokenSchedule_ValidationExceptionWithTheTasksPointers()
    {
        var request = new SchedulePreviewRequest { Schedule = new ScheduleDefinition { Cron = "0 0 30 2 *" }, Count = 500 };

        var exception = await Assert.ThrowsAsync<FunctionSchedulerException>(() => _client.PreviewScheduleAsync(request));

        Assert.True(exception.IsValidation);
        Assert.Equal(["/schedule/cron", "/count"], exception.Errors.Select(e => e.Pointer));
    }

    [Fact]
    public async Task GetOccurrencesAsync_StoredIntervalTask_NextOccurrencesOnItsGrid()
    {
        var start = new DateTimeOffset(2030, 1, 1, 0, 15, 0, TimeSpan.Zero);
        await _client.PutTaskAsync("client-occurrences", TaskBuilder.Interval(TimeSpan.FromHours(6)).StartingAt(start).Calls(fixture.HookUrl).Build());

        var preview = await _client.GetOccurrencesAsync("client-occurrences", count: 3);

        Assert.Equal("Every 6 hours from 2030-01-01 00:15 UTC", preview.ScheduleText);
        Assert.Equal([start, start.AddHours(6), start.AddHours(12)], preview.Occurrences.Select(o => o.ScheduledAt));
        Assert.Equal("UTC", preview.TimeZone);
    }
}
