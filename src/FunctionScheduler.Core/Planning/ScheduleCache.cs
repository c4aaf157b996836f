using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// Compiled schedules, so that each cron expression is parsed and each zone resolved once. Three levels: a slot for
/// the schedule used last (a plan or a preview asks for the same schedule many times in a row, and anything slower
/// costs as much as Cronos' own search for a simple expression); a weak table keyed by the <see cref="TaskSchedule"/>
/// instance; and a bounded table of cron calendars keyed by (expression, zone) for the fresh instances every
/// storage read creates.
/// </summary>
internal static class ScheduleCache
{
    /// <summary>Most (expression, zone) pairs kept; past it the table is cleared, which costs only re-parsing.</summary>
    internal const int MaxSharedCalendars = 4096;

    private static readonly ConditionalWeakTable<TaskSchedule, CompiledSchedule> ByInstance = [];
    private static readonly ConcurrentDictionary<(string Expression, string Zone), CronCalendar> Calendars = new();

    // Shared by all threads: a plain static read is far cheaper than thread-local storage, and threads planning
    // different tasks at once only fall back to the weak table. LastHit is immutable, so a reader sees either the
    // old pair or the new one, never a mix.
    private static LastHit? _last;

    /// <summary>The compiled form of <paramref name="schedule"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CompiledSchedule For(TaskSchedule schedule)
    {
        if (_last is { } last && ReferenceEquals(last.Schedule, schedule))
        {
            return last.Compiled;
        }

        return Miss(schedule);
    }

    private static CompiledSchedule Miss(TaskSchedule schedule)
    {
        if (!ByInstance.TryGetValue(schedule, out var compiled))
        {
            compiled = CompiledSchedule.Compile(schedule, CalendarFor);

            // AddOrUpdate rather than Add: another thread may have raced us to the same instance.
            ByInstance.AddOrUpdate(schedule, compiled);
        }

        _last = new LastHit(schedule, compiled);
        return compiled;
    }

    private static CronCalendar CalendarFor(string expression, string zone)
    {
        var key = (expression, zone);
        if (Calendars.TryGetValue(key, out var calendar))
        {
            return calendar;
        }

        if (Calendars.Count >= MaxSharedCalendars)
        {
            Calendars.Clear();
        }

        return Calendars.GetOrAdd(key, static k => CronCalendar.Compile(k.Expression, k.Zone));
    }

    // One object so that the schedule and its compiled form are published together.
    private sealed record LastHit(TaskSchedule Schedule, CompiledSchedule Compiled);
}
