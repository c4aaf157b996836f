using CsCheck;
using FunctionScheduler.Core.Targets;

namespace FunctionScheduler.Core.Tests.Targets;

public sealed class SigningKeyWindowsTests
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, null, 0, true)]
    [InlineData(10, null, 9, false)]
    [InlineData(10, null, 10, true)]
    [InlineData(null, 10, 9, true)]
    [InlineData(null, 10, 10, false)]
    [InlineData(5, 10, 7, true)]
    public void IsActive_Window_FromNotBeforeInclusiveUntilNotAfterExclusive(int? notBefore, int? notAfter, int at, bool expected) =>
        Assert.Equal(expected, SigningKeyWindows.IsActive(At(notBefore), At(notAfter), Origin.AddMinutes(at)));

    [Fact]
    public void FirstGap_AnyWindows_IsTheFirstMinuteWithoutAnActiveKey()
    {
        // Every boundary falls on a whole minute, so the first gap (if any) starts on one: checking each minute from
        // the start up to one past the last boundary finds it; after that, nothing changes any more.
        var bound = Gen.Int[-5, 30];
        var window = Gen.Select(bound, bound, Gen.Bool, Gen.Bool, (a, b, open1, open2) =>
            new SigningKeyOptions { Id = "k", Secret = "s", NotBefore = open1 ? null : At(Math.Min(a, b)), NotAfter = open2 ? null : At(Math.Max(a, b) + 1) });
        Gen.Select(window.Array[0, 5], Gen.Int[-5, 30]).Sample((keys, from) =>
        {
            var start = Origin.AddMinutes(from);
            var expected = BruteForceGap(keys, start);

            Assert.Equal(expected, SigningKeyWindows.FirstGap(keys, start));
        });
    }

    private static DateTimeOffset? BruteForceGap(SigningKeyOptions[] keys, DateTimeOffset start)
    {
        for (var minute = start; minute <= Origin.AddMinutes(40); minute = minute.AddMinutes(1))
        {
            if (!keys.Any(k => SigningKeyWindows.IsActive(k.NotBefore, k.NotAfter, minute)))
            {
                return minute;
            }
        }

        return null;
    }

    private static DateTimeOffset? At(int? minutes) => minutes is { } m ? Origin.AddMinutes(m) : null;
}
