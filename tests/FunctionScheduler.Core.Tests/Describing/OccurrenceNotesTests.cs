using System.Globalization;
using FunctionScheduler.Core.Describing;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;

namespace FunctionScheduler.Core.Tests.Describing;

public sealed class OccurrenceNotesTests
{
    private static readonly HttpTarget Target = new() { Url = new Uri("https://example.test/") };

    [Theory]
    [InlineData("30 2 * * *", "Europe/Berlin", "2026-03-28T12:00:00Z", "2026-03-29T03:00:00+02:00", "02:30 does not exist on 2026-03-29 in Europe/Berlin (clocks go forward): fires at 03:00 UTC+02:00 instead")]
    [InlineData("30 2 * * *", "America/New_York", "2025-03-08T12:00:00Z", "2025-03-09T03:00:00-04:00", "02:30 does not exist on 2025-03-09 in America/New_York (clocks go forward): fires at 03:00 UTC-04:00 instead")]
    [InlineData("15 2 * * *", "Australia/Lord_Howe", "2025-10-04T00:00:00Z", "2025-10-05T02:30:00+11:00", "02:15 does not exist on 2025-10-05 in Australia/Lord_Howe (clocks go forward): fires at 02:30 UTC+11:00 instead")]
    [InlineData("30 1 * * *", "America/New_York", "2025-11-01T12:00:00Z", "2025-11-02T01:30:00-04:00", "01:30 happens twice on 2025-11-02 in America/New_York (clocks go back): this is the first, at UTC-04:00")]
    [InlineData("0 3 * * *", "America/New_York", "2025-03-08T12:00:00Z", "2025-03-09T03:00:00-04:00", null)]
    [InlineData("30 2 * * *", "Asia/Tokyo", "2025-03-08T12:00:00Z", "2025-03-09T02:30:00+09:00", null)]
    public void NoteFor_FirstOccurrenceAfter_SaysHowDaylightSavingMovedIt(string cron, string zone, string after, string local, string? note)
    {
        var schedule = new TaskSchedule { Kind = ScheduleKind.Cron, Cron = cron, TimeZone = zone };
        var next = Next(schedule, Instant(after));
        var notes = new OccurrenceNotes(schedule);

        Assert.Equal(local, notes.Local(next));
        Assert.Equal(note, notes.NoteFor(next));
    }

    [Fact]
    public void NoteFor_QuarterHourCronInLondonOverlap_NamesFirstAndSecondHour()
    {
        var schedule = new TaskSchedule { Kind = ScheduleKind.Cron, Cron = "*/30 * * * *", TimeZone = "Europe/London" };
        var notes = new OccurrenceNotes(schedule);
        var task = new ScheduledTask { Id = "t", Schedule = schedule, Target = Target };
        var after = Instant("2025-10-25T22:59:00Z");

        var occurrences = ScheduleCalendar.Upcoming(task, TaskRunState.New(after), after, 6);

        Assert.Equal(
            [null, null, "01:00 happens twice on 2025-10-26 in Europe/London (clocks go back): this is the first, at UTC+01:00",
             "01:30 happens twice on 2025-10-26 in Europe/London (clocks go back): this is the first, at UTC+01:00",
             "01:00 happens twice on 2025-10-26 in Europe/London (clocks go back): this is the second, at UTC+00:00",
             "01:30 happens twice on 2025-10-26 in Europe/London (clocks go back): this is the second, at UTC+00:00"],
            occurrences.Select(o => notes.NoteFor(o.ScheduledAt)));
    }

    [Fact]
    public void NoteFor_DailyCronInEveryZoneForAYear_NotesEveryLocalTimeThatIsNotTheExpressions()
    {
        // Every zone the runtime knows: a fire whose local time is not 02:30 must say why (a spring gap, or the odd
        // resolution around Casablanca's Ramadan change), and one at 02:30 in a repeated hour says which of the two it is.
        var after = Instant("2025-01-01T00:00:00Z");
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId))
        {
            var schedule = new TaskSchedule { Kind = ScheduleKind.Cron, Cron = "30 2 * * *", TimeZone = zone.Id };
            var notes = new OccurrenceNotes(schedule);
            var task = new ScheduledTask { Id = "t", Schedule = schedule, Target = Target };
            foreach (var occurrence in ScheduleCalendar.Upcoming(task, TaskRunState.New(after), after, 366))
            {
                var local = TimeZoneInfo.ConvertTime(occurrence.ScheduledAt, zone);
                var note = notes.NoteFor(occurrence.ScheduledAt);
                if (local.TimeOfDay != new TimeSpan(2, 30, 0))
                {
                    Assert.True(note?.Contains("clock", StringComparison.Ordinal) == true, $"{zone.Id} {local:o}: {note}");
                }
                else if (zone.IsAmbiguousTime(local))
                {
                    Assert.True(note?.Contains("happens twice", StringComparison.Ordinal) == true, $"{zone.Id} {local:o}: {note}");
                }
                else
                {
                    Assert.Null(note);
                }
            }
        }
    }

    private static DateTimeOffset Next(TaskSchedule schedule, DateTimeOffset after) =>
        ScheduleCalendar.NextAfter(new ScheduledTask { Id = "t", Schedule = schedule, Target = Target }, TaskRunState.New(after), after)!.Value.ScheduledAt;

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
