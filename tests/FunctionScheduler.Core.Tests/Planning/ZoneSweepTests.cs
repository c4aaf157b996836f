using System.Collections.Concurrent;
using Cronos;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

/// <summary>
/// Every zone of the machine's tz database (<see cref="TimeZoneInfo.GetSystemTimeZones"/>; links carry the same data
/// as the zone they name) from 2010 to 2040: around every offset change the planner's cron occurrences equal the
/// brute-force <see cref="WallClockOracle"/>, and a full walk of monthly and daily expressions stays strictly
/// increasing, within its bounds and on matching local times. Zones are swept in parallel.
/// </summary>
public class ZoneSweepTests
{
    private static readonly long SweepFrom = At("2010-01-01T00:00:00Z").UtcTicks;
    private static readonly long SweepTo = At("2041-01-01T00:00:00Z").UtcTicks;
    private static readonly long Quarter = TimeSpan.FromMinutes(15).Ticks;
    private static readonly long HalfMinute = TimeSpan.FromSeconds(30).Ticks;
    private static readonly TaskRunState Since2000 = NewState(At("2000-01-01T00:00:00Z"));
    private static readonly ConcurrentDictionary<string, List<Change>> ChangesByZone = new();

    [Fact]
    public void Upcoming_EveryZoneAroundEveryOffsetChange2010To2040_EqualsBruteForceRule()
    {
        var failures = new ConcurrentQueue<string>();
        long changes = 0, occurrences = 0;

        Parallel.ForEach(TimeZoneInfo.GetSystemTimeZones(), zone =>
        {
            foreach (var change in ChangesOf(zone))
            {
                Interlocked.Increment(ref changes);
                foreach (var (expression, repeats, step, window) in CasesAround(change))
                {
                    var (from, to) = (Grid(change.At - window, step), change.At + window);
                    var expected = WallClockOracle.Occurrences(Parse(expression), repeats, zone, from, to, step);
                    Interlocked.Add(ref occurrences, expected.Count);
                    var task = Cron(expression, zone.Id);
                    var actual = Upcoming(task, from, to);
                    Check(failures, expected.SequenceEqual(actual), zone, change, expression, "chain", expected, actual);

                    // Before is the exact inverse of Next: the late-region summary walks back with it.
                    var calendar = CronCalendar.Compile(expression, zone.Id);
                    var back = expected.Skip(1).Select(at => calendar.Before(at) ?? 0).ToList();
                    Check(failures, back.SequenceEqual(expected.SkipLast(1)), zone, change, expression, "Before", expected.SkipLast(1), back);
                }
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
        Assert.InRange(changes, 5_000, long.MaxValue);
        Assert.InRange(occurrences, 1_000_000, long.MaxValue);
    }

    [Fact]
    public void Upcoming_EveryZoneAroundEveryOffsetChange_RespectsStartAtAndEndAt()
    {
        var failures = new ConcurrentQueue<string>();

        Parallel.ForEach(TimeZoneInfo.GetSystemTimeZones(), zone =>
        {
            foreach (var change in ChangesOf(zone))
            {
                // startAt half an hour before the change (inside the gap or the first pass), endAt 90 minutes after.
                var (startAt, endAt) = (change.At - (2 * Quarter), change.At + (6 * Quarter));
                var (from, to) = (Grid(change.At - TimeSpan.TicksPerDay, Quarter), change.At + TimeSpan.TicksPerDay);
                var expected = WallClockOracle.Occurrences(Parse("0 * * * *"), true, zone, from, to, Quarter)
                    .Where(at => at >= startAt && at <= endAt).ToList();
                var task = Cron("0 * * * *", zone.Id).With(s => s with { StartAt = Instant(startAt), EndAt = Instant(endAt) });
                var actual = Upcoming(task, from, to);
                Check(failures, expected.SequenceEqual(actual), zone, change, "0 * * * *", "bounded chain", expected, actual);
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Plan_EveryZoneClockWalkAroundEveryOffsetChange_FiresEachOccurrenceOnce()
    {
        var failures = new ConcurrentQueue<string>();

        Parallel.ForEach(TimeZoneInfo.GetSystemTimeZones(), zone =>
        {
            foreach (var change in ChangesOf(zone))
            {
                foreach (var (expression, repeats, step, window) in CasesAround(change).Where(c => c.Step == Quarter))
                {
                    var (from, to) = (Grid(change.At - (window / 4), step), change.At + (window / 4));
                    var expected = WallClockOracle.Occurrences(Parse(expression), repeats, zone, from, to, step);
                    var task = Cron(expression, zone.Id);

                    // A host that plans a second before and five seconds after each occurrence, stores the next state
                    // and records the runs at once.
                    var state = NewState(Instant(from + 1));
                    var fired = new List<long>();
                    foreach (var now in expected.SelectMany(at => new[] { at - TimeSpan.TicksPerSecond, at + (5 * TimeSpan.TicksPerSecond) }))
                    {
                        var decision = TaskPlanner.Plan(task, state, Instant(now), Claim);
                        fired.AddRange(decision.Due.Select(o => o.ScheduledAt.UtcTicks));
                        state = decision.NextState with { InFlight = [] };
                    }

                    Check(failures, expected.SequenceEqual(fired), zone, change, expression, "fired", expected, fired);

                    // Down over the whole window with Skip: each occurrence is counted once, as missed or (within the
                    // grace) due.
                    var skipping = task.With(s => s with { Misfire = MisfirePolicy.Skip });
                    var downtime = TaskPlanner.Plan(skipping, NewState(Instant(from + 1)), Instant(to), Claim);
                    var handled = (downtime.Missed?.Count ?? 0) + downtime.Due.Count;
                    Check(failures, handled == expected.Count, zone, change, expression, "missed + due", expected, [handled]);
                }
            }
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    //          expression          period (days, at most)
    [InlineData("0 0 L * *",        31)]
    [InlineData("0 12 15W * *",     35)]
    [InlineData("30 1 * * *",       1)]
    public void Upcoming_EveryZoneFullWalk2010To2040_StrictlyIncreasesWithinBoundsOnMatchingLocalTimes(string expression, int periodDays)
    {
        var failures = new ConcurrentQueue<string>();
        var cron = Parse(expression);
        var counts = new ConcurrentDictionary<string, int>();
        var (startAt, endAt) = (Instant(SweepFrom), Instant(SweepTo - 1));

        Parallel.ForEach(TimeZoneInfo.GetSystemTimeZones(), zone =>
        {
            var task = Cron(expression, zone.Id).With(s => s with { StartAt = startAt, EndAt = endAt });
            var changes = ChangesOf(zone);
            var previous = SweepFrom - 1;
            var count = 0;
            for (var next = ScheduleCalendar.NextAfter(task, Since2000, Instant(previous)); next is { } occurrence; next = ScheduleCalendar.NextAfter(task, Since2000, occurrence.ScheduledAt))
            {
                var at = occurrence.ScheduledAt.UtcTicks;
                var shift = changes.Where(c => c.At > previous && c.At <= at).Sum(c => Math.Abs(c.After - c.Before));
                var problem =
                    at <= previous ? "does not increase"
                    : at < SweepFrom || at >= SweepTo ? "outside startAt/endAt"
                    : count > 0 && at - previous > (periodDays * TimeSpan.TicksPerDay) + shift ? $"skips: {Iso(Instant(previous))} to {Iso(occurrence.ScheduledAt)}"
                    : !OnMatchingLocalTime(cron, zone, changes, at) ? "not a matching local time, nor the end of a gap holding one"
                    : null;
                if (problem is not null)
                {
                    failures.Enqueue($"{zone.Id} {expression} {Iso(occurrence.ScheduledAt)}: {problem}");
                    break;
                }

                previous = at;
                count++;
            }

            counts[zone.Id] = count;
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));

        // Monthly expressions fire exactly once a month in every zone: 31 years, 372 months.
        Assert.All(counts, pair => Assert.True(periodDays == 1 || pair.Value == 372, $"{pair.Key}: {pair.Value}"));
        Assert.All(counts, pair => Assert.True(periodDays != 1 || pair.Value >= 11_322, $"{pair.Key}: {pair.Value}"));
    }

    // Expressions around one change: hourly, every 30 minutes, a fixed time inside the local times the change skips or
    // repeats, and a seconds field. Each with its interval-likeness, the oracle's grid and the window either side.
    private static IEnumerable<(string Expression, bool Repeats, long Step, long Window)> CasesAround(Change change)
    {
        var affected = change.At + Math.Min(change.Before, change.After);   // first local time skipped or repeated
        var fixedAt = new DateTime(((affected / Quarter) + 1) * Quarter, DateTimeKind.Utc);   // on the oracle's grid
        var window = TimeSpan.TicksPerDay + TimeSpan.TicksPerHour;
        yield return ("0 * * * *", true, Quarter, window);
        yield return ("*/30 * * * *", true, Quarter, window);
        yield return ($"{fixedAt.Minute} {fixedAt.Hour} * * *", false, Quarter, window);
        yield return ("30 */15 * * * *", true, HalfMinute, 2 * TimeSpan.TicksPerHour);
    }

    // The occurrences in (from, to] the planner's calendar lists.
    private static List<long> Upcoming(ScheduledTask task, long from, long to)
    {
        var instants = new List<long>();
        for (var next = ScheduleCalendar.NextAfter(task, Since2000, Instant(from)); next is { } at && at.ScheduledAt.UtcTicks <= to; next = ScheduleCalendar.NextAfter(task, Since2000, at.ScheduledAt))
        {
            instants.Add(at.ScheduledAt.UtcTicks);
        }

        return instants;
    }

    private static bool OnMatchingLocalTime(CronExpression cron, TimeZoneInfo zone, List<Change> changes, long at)
    {
        var local = at + WallClockOracle.OffsetAt(zone, at);
        if (changes.Any(c => c.At <= at && at < c.At + (c.Before - c.After)))
        {
            return false;   // the second pass of a repeated hour: none of the full-walk expressions fires there
        }

        return WallClockOracle.Matches(cron, local)
            || changes.Any(c => c.At == at && c.After > c.Before
                && cron.GetNextOccurrence(new DateTime(at + c.Before, DateTimeKind.Utc), inclusive: true)?.Ticks < local);
    }

    // The zone's offset changes in the sweep: days found by daily samples, then the change located to the minute.
    private static List<Change> ChangesOf(TimeZoneInfo zone) => ChangesByZone.GetOrAdd(zone.Id, _ =>
    {
        var changes = new List<Change>();
        var previous = WallClockOracle.OffsetAt(zone, SweepFrom - TimeSpan.TicksPerDay);
        for (var day = SweepFrom; day <= SweepTo + TimeSpan.TicksPerDay; day += TimeSpan.TicksPerDay)
        {
            if (WallClockOracle.OffsetAt(zone, day) == previous)
            {
                continue;
            }

            for (var at = day - TimeSpan.TicksPerDay + Quarter; at <= day; at += Quarter)
            {
                if (WallClockOracle.OffsetAt(zone, at) != previous && WallClockOracle.ChangeBefore(zone, at, Quarter, previous) is { } change)
                {
                    var offset = WallClockOracle.OffsetAt(zone, change);
                    changes.Add(new Change(change, previous, offset));
                    previous = offset;
                }
            }
        }

        return changes;
    });

    private static void Check(ConcurrentQueue<string> failures, bool ok, TimeZoneInfo zone, Change change, string expression, string what, IEnumerable<long> expected, IEnumerable<long> actual)
    {
        if (!ok && failures.Count < 20)
        {
            failures.Enqueue($"{zone.Id} change at {Iso(Instant(change.At))} ({TimeSpan.FromTicks(change.Before)} -> {TimeSpan.FromTicks(change.After)}), '{expression}', {what}: expected [{string.Join(' ', expected.Select(t => Iso(Instant(t))))}] got [{string.Join(' ', actual.Select(t => Iso(Instant(t))))}]");
        }
    }

    private static CronExpression Parse(string expression) =>
        CronExpression.Parse(expression, expression.Split(' ').Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);

    // The grid point at or before utcTicks: the oracle's grid must be the one local matches fall on.
    private static long Grid(long utcTicks, long step) => utcTicks / step * step;

    private static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private sealed record Change(long At, long Before, long After);
}
