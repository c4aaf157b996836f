using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// Compiled cron calendars, so that each expression is parsed and each zone resolved once. Two levels: a weak table
/// keyed by the <see cref="TaskSchedule"/> instance (the hot path while a host plans the same definition again and
/// again), and a bounded table keyed by (expression, zone) for the fresh instances every storage read creates.
/// </summary>
internal static class CronCalendarCache
{
    /// <summary>Most (expression, zone) pairs kept; past it the table is cleared, which costs only re-parsing.</summary>
    internal const int MaxShared = 4096;

    private static readonly ConditionalWeakTable<TaskSchedule, CronCalendar> ByInstance = [];
    private static readonly ConcurrentDictionary<(string Expression, string Zone), CronCalendar> Shared = new();

    // The last schedule this thread compiled or looked up. One plan asks for the same schedule many times, and a
    // weak-table look-up costs about as much as Cronos' own next-occurrence search for a simple expression.
    [ThreadStatic]
    private static LastHit? _last;

    /// <summary>The compiled calendar of a cron schedule.</summary>
    public static CronCalendar For(TaskSchedule schedule)
    {
        if (_last is { } last && ReferenceEquals(last.Schedule, schedule))
        {
            return last.Calendar;
        }

        var calendar = Lookup(schedule);
        _last = new LastHit(schedule, calendar);
        return calendar;
    }

    private static CronCalendar Lookup(TaskSchedule schedule)
    {
        if (ByInstance.TryGetValue(schedule, out var calendar))
        {
            return calendar;
        }

        var expression = schedule.Cron
            ?? throw new InvalidOperationException("A cron schedule reached the planner without an expression.");
        var key = (expression, schedule.TimeZone);
        if (!Shared.TryGetValue(key, out calendar))
        {
            if (Shared.Count >= MaxShared)
            {
                Shared.Clear();
            }

            calendar = Shared.GetOrAdd(key, static k => CronCalendar.Compile(k.Expression, k.Zone));
        }

        // AddOrUpdate rather than Add: another thread may have raced us to the same instance.
        ByInstance.AddOrUpdate(schedule, calendar);
        return calendar;
    }

    // One object so that the hot path reads thread-local storage once.
    private sealed record LastHit(TaskSchedule Schedule, CronCalendar Calendar);
}
