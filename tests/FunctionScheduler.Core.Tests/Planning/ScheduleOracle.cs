using Cronos;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;

namespace FunctionScheduler.Core.Tests.Planning;

/// <summary>
/// The schedule's occurrences computed the slow, obvious way (raw Cronos one step at a time; intervals by adding the
/// interval), as an oracle for the planner's bounded arithmetic.
/// </summary>
internal static class ScheduleOracle
{
    /// <summary>Every nominal instant of the generation started at <paramref name="generationStart"/>, up to <paramref name="until"/>.</summary>
    public static List<DateTimeOffset> Occurrences(TaskSchedule schedule, DateTimeOffset generationStart, DateTimeOffset until)
    {
        var end = schedule.EndAt is { } endAt && endAt < until ? endAt : until;
        var instants = new List<DateTimeOffset>();
        switch (schedule.Kind)
        {
            case ScheduleKind.Cron:
                var format = schedule.Cron!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
                var cron = CronExpression.Parse(schedule.Cron, format);
                var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
                var from = schedule.StartAt is { } startAt && startAt > generationStart ? startAt : generationStart;
                for (var next = cron.GetNextOccurrence(from, zone, inclusive: true); next is { } at && at <= end; next = cron.GetNextOccurrence(at, zone))
                {
                    instants.Add(at.ToUniversalTime());
                }

                break;

            case ScheduleKind.Interval:
                var anchor = schedule.StartAt ?? generationStart + schedule.Interval!.Value;
                for (var at = anchor; at <= end; at += schedule.Interval!.Value)
                {
                    if (at >= generationStart)
                    {
                        instants.Add(at);
                    }
                }

                break;

            default:
                var once = schedule.At!.Value;
                if (once <= end && (schedule.StartAt is null || once >= schedule.StartAt))
                {
                    instants.Add(once);
                }

                break;
        }

        return instants;
    }

    /// <summary>The fire instant of an occurrence, by the public jitter function.</summary>
    public static DateTimeOffset FireAt(ScheduledTask task, DateTimeOffset scheduledAt) =>
        scheduledAt + OccurrenceJitter.For(task.Id, scheduledAt, task.Schedule.Jitter);
}
