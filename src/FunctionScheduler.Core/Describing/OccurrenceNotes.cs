using System.Globalization;
using Cronos;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Describing;

/// <summary>
/// Local times of a schedule's occurrences, with a note where a daylight-saving change moved or doubled one: a
/// local time that does not exist (spring) fires at the first instant after the gap; one that happens twice
/// (autumn) fires in the first offset only, or in both for interval-like fields (docs/semantics-planning.md).
/// Intervals and one-offs are absolute and are shown in UTC.
/// </summary>
public sealed class OccurrenceNotes
{
    private readonly TimeZoneInfo _zone;
    private readonly CronExpression? _cron;

    /// <summary>Notes for <paramref name="schedule"/>, which has been validated.</summary>
    public OccurrenceNotes(TaskSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var cron = schedule.Kind == ScheduleKind.Cron ? schedule.Cron : null;
        ZoneId = cron is null ? "UTC" : schedule.TimeZone;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        _cron = cron is null ? null : Parse(cron);
    }

    /// <summary>The zone local times are in.</summary>
    public string ZoneId { get; }

    /// <summary>The instant as local time with its offset (RFC 3339).</summary>
    public string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, _zone).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>Why the local time of <paramref name="scheduledAt"/> is not simply what the expression says; null when it is.</summary>
    public string? NoteFor(DateTimeOffset scheduledAt)
    {
        if (_cron is null || !_zone.SupportsDaylightSavingTime)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(scheduledAt, _zone);
        var wall = DateTime.SpecifyKind(local.DateTime, DateTimeKind.Utc);
        var before = _zone.GetUtcOffset(scheduledAt.AddTicks(-1));
        if (!Matches(wall))
        {
            if (before < local.Offset)
            {
                // The occurrence sits on a spring-forward instant without matching it: it was moved out of the gap.
                var intended = _cron.GetNextOccurrence(wall - (local.Offset - before) - TimeSpan.FromTicks(1));
                var wanted = intended is { } time && time < wall ? Clock(time) : "its time";
                return $"{wanted} does not exist on {Date(local)} in {ZoneId} (clocks go forward): fires at {Clock(wall)} {Offset(local.Offset)} instead";
            }

            // Zones whose daylight time is behind their standard time (Africa/Casablanca in Ramadan) can move an
            // occurrence elsewhere around the change; the preview says so rather than show an unexplained time.
            return $"fires at {Clock(wall)} {Offset(local.Offset)}, moved by the clock change near {Date(local)} in {ZoneId}";
        }

        if (_zone.IsAmbiguousTime(local))
        {
            var first = _zone.GetAmbiguousTimeOffsets(local).Max();
            var which = local.Offset == first ? "the first" : "the second";
            return $"{Clock(wall)} happens twice on {Date(local)} in {ZoneId} (clocks go back): this is {which}, at {Offset(local.Offset)}";
        }

        return null;
    }

    // Whether the expression matches the wall-clock time itself, read as if there were no zone.
    private bool Matches(DateTime wall) => _cron!.GetNextOccurrence(wall.AddTicks(-1)) == wall;

    private static CronExpression? Parse(string expression)
    {
        try
        {
            return expression.TrimStart().StartsWith('@') ? CronExpression.Parse(expression.Trim()) : CronSyntax.Parse(expression);
        }
        catch (CronFormatException)
        {
            return null;
        }
    }

    private static string Clock(DateTime time) =>
        time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset local) => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Offset(TimeSpan offset) =>
        "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
