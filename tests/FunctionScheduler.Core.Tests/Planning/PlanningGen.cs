using CsCheck;
using FunctionScheduler.Core.Model;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

/// <summary>CsCheck generators for planner properties: schedules of every kind around DST transitions.</summary>
internal static class PlanningGen
{
    /// <summary>Bases next to DST changes in the zones below, and one quiet day.</summary>
    public static readonly Gen<DateTimeOffset> Bases = Gen.OneOfConst(
        At("2025-03-29T22:00:00Z"),   // London and Berlin spring forward the next night
        At("2025-10-25T22:00:00Z"),   // London falls back the next night
        At("2025-03-08T20:00:00Z"),   // New York springs forward the next night
        At("2025-11-01T20:00:00Z"),   // New York falls back the next night
        At("2025-04-05T10:00:00Z"),   // Lord Howe falls back 30 minutes that night
        At("2025-10-04T10:00:00Z"),   // Lord Howe springs forward 30 minutes that night
        At("2024-02-28T12:00:00Z"));  // leap day tomorrow

    private static readonly Gen<string> Zones =
        Gen.OneOfConst("UTC", "Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Tokyo", "Europe/Berlin");

    private static readonly Gen<string> Expressions = Gen.OneOfConst(
        "* * * * *", "*/5 * * * *", "*/15 * * * *", "0 * * * *", "30 1 * * *", "15 2 * * *", "45 1 * * *",
        "0 9 * * MON-FRI", "15,45 * * * *", "*/20 * * * * *", "0 */5 * * * ?", "0 0 L * *", "0 0 29 2 *");

    private static Gen<TimeSpan> Seconds(long min, long max) => Gen.Long[min, max].Select(TimeSpan.FromSeconds);

    private static Gen<TimeSpan?> Maybe(Gen<TimeSpan> gen) =>
        Gen.Frequency((1, Gen.Const((TimeSpan?)null)), (2, gen.Select(t => (TimeSpan?)t)));

    /// <summary>A schedule of any kind, relative to <paramref name="base"/>, with bounds and policies.</summary>
    public static Gen<TaskSchedule> Schedules(DateTimeOffset @base)
    {
        var cron = Gen.Select(Expressions, Zones, (e, z) => new TaskSchedule { Kind = ScheduleKind.Cron, Cron = e, TimeZone = z });
        var interval = Gen.Select(Seconds(1, 6 * 3600), Maybe(Seconds(-7200, 10_800)), (every, start) =>
            new TaskSchedule { Kind = ScheduleKind.Interval, Interval = every, StartAt = start is { } s ? @base + s : null });
        var once = Seconds(-7200, 86_400).Select(offset => new TaskSchedule { Kind = ScheduleKind.Once, At = @base + offset });
        var kind = Gen.Frequency((3, cron), (3, interval), (1, once));

        return from schedule in kind
               from startAt in Maybe(Seconds(-7200, 10_800))
               from endAt in Maybe(Seconds(3600, 2 * 86_400))
               from maxRuns in Gen.Frequency((2, Gen.Const((int?)null)), (1, Gen.Int[1, 50].Select(n => (int?)n)))
               from jitterMs in Gen.Frequency((1, Gen.Const(0L)), (2, Gen.Long[0, 600_000]))
               from policy in Gen.OneOfConst(MisfirePolicy.Skip, MisfirePolicy.FireOnce, MisfirePolicy.CatchUp)
               from grace in Seconds(0, 7200)
               from catchUp in Gen.Int[1, 20]
               select schedule with
               {
                   StartAt = schedule.Kind == ScheduleKind.Interval ? schedule.StartAt : (startAt is { } s ? @base + s : null),
                   EndAt = endAt is { } e ? @base + e : null,
                   MaxRuns = maxRuns,
                   Jitter = TimeSpan.FromMilliseconds(jitterMs),
                   Misfire = policy,
                   MisfireGrace = grace,
                   CatchUpLimit = catchUp,
               };
    }

    /// <summary>A base instant with a schedule around it.</summary>
    public static readonly Gen<(DateTimeOffset Base, TaskSchedule Schedule)> Cases =
        from @base in Bases
        from schedule in Schedules(@base)
        select (@base, schedule);
}
