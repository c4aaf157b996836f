using CsCheck;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using static FunctionScheduler.Core.Tests.Planning.PlanningFixture;

namespace FunctionScheduler.Core.Tests.Planning;

public class OccurrenceJitterTests
{
    private static readonly Gen<string> Ids = Gen.Char["a-z0-9-"].Array[1, 40].Select(chars => new string(chars));
    private static readonly Gen<DateTimeOffset> Instants =
        Gen.Long[At("2000-01-01T00:00:00Z").UtcTicks, At("2100-01-01T00:00:00Z").UtcTicks].Select(t => new DateTimeOffset(t, TimeSpan.Zero));
    private static readonly Gen<TimeSpan> Jitters = Gen.Long[0, TimeSpan.FromHours(2).Ticks].Select(TimeSpan.FromTicks);

    [Fact]
    public void For_AnyInput_IsWholeMillisecondsWithinBounds()
    {
        Gen.Select(Ids, Instants, Jitters).Sample((id, at, max) =>
        {
            var jitter = OccurrenceJitter.For(id, at, max);

            Assert.InRange(jitter, TimeSpan.Zero, max);
            Assert.Equal(0, jitter.Ticks % TimeSpan.TicksPerMillisecond);
        });
    }

    [Fact]
    public void For_SameInputTwice_IsSame()
    {
        Gen.Select(Ids, Instants, Jitters).Sample((id, at, max) =>
            Assert.Equal(OccurrenceJitter.For(id, at, max), OccurrenceJitter.For(new string(id.AsSpan()), at.ToOffset(TimeSpan.FromHours(3)), max)));
    }

    [Theory]
    // Pinned values: a change of hash would move every jittered fire of every deployed task.
    //          id                        scheduled at            max ms     expected ms
    [InlineData("nightly-report",         "2025-01-01T00:00:00Z", 60_000,    35_677)]
    [InlineData("nightly-report",         "2025-01-01T00:01:00Z", 60_000,    23_188)]
    [InlineData("t-0123456789abcdef0123", "2025-06-30T12:34:56Z", 3_600_000, 3_265_612)]
    public void For_FixedInputs_MatchesPinnedValues(string id, string at, int maxMilliseconds, int expectedMilliseconds)
    {
        var jitter = OccurrenceJitter.For(id, At(at), TimeSpan.FromMilliseconds(maxMilliseconds));

        Assert.Equal(expectedMilliseconds, jitter.TotalMilliseconds);
        Assert.Equal(SpecifiedFormula(id, At(at), maxMilliseconds), jitter.TotalMilliseconds);
    }

    [Fact]
    public void For_ZeroOrSubMillisecondJitter_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, OccurrenceJitter.For(Id, At("2025-01-01T00:00:00Z"), TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, OccurrenceJitter.For(Id, At("2025-01-01T00:00:00Z"), TimeSpan.FromTicks(9_999)));
    }

    [Fact]
    public void For_ManyOccurrences_SpreadsOverTheRange()
    {
        // One-minute jitter over 600 consecutive minutes: values should cover all six 10-second buckets.
        var start = At("2025-01-01T00:00:00Z");
        var buckets = Enumerable.Range(0, 600)
            .Select(i => (int)(OccurrenceJitter.For(Id, start.AddMinutes(i), TimeSpan.FromMinutes(1)).TotalSeconds / 10))
            .Distinct()
            .Count();

        Assert.True(buckets >= 6, $"only {buckets} buckets used");
    }

    [Fact]
    public void NextAfter_TwoScheduleInstancesWithSameValues_GiveSameJitteredFire()
    {
        Gen.Select(Ids, Instants, Jitters).Sample((id, after, max) =>
        {
            TaskSchedule Make() => new() { Kind = ScheduleKind.Cron, Cron = "*/7 * * * *", TimeZone = "Europe/Paris", Jitter = max };
            var state = NewState(At("2000-01-01T00:00:00Z"));

            var a = ScheduleCalendar.NextAfter(Task(Make(), id), state, after);
            var b = ScheduleCalendar.NextAfter(Task(Make(), id), state, after);

            Assert.Equal(a, b);
            Assert.NotNull(a);
            Assert.InRange(a.Value.FireAt - a.Value.ScheduledAt, TimeSpan.Zero, max);
        }, iter: 200);
    }

    // The specification's formula, written out independently of the implementation: FNV-1a 64 over the id's UTF-16
    // bytes (low byte first), XOR with fmix64(ticks), fmix64, modulo (max ms + 1).
    private static double SpecifiedFormula(string id, DateTimeOffset at, int maxMilliseconds)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.Unicode.GetBytes(id))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        static ulong Fmix(ulong k)
        {
            k = (k ^ (k >> 33)) * 0xff51afd7ed558ccdUL;
            k = (k ^ (k >> 33)) * 0xc4ceb93fe53a2a85UL;
            return k ^ (k >> 33);
        }

        return Fmix(hash ^ Fmix((ulong)at.UtcTicks)) % (ulong)(maxMilliseconds + 1);
    }
}
