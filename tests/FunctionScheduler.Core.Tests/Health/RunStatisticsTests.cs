using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Tests.Health;

public sealed class RunStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("F F F", 3, null)]
    [InlineData("S F F", 2, 0)]
    [InlineData("F M F", 2, null)]
    [InlineData("F F S", 0, 2)]
    [InlineData("S M", 0, 0)]
    [InlineData("M M", 0, null)]
    [InlineData("F f F", 2, null)] // lower case: backfilled runs, which move no health
    [InlineData("S F s", 1, 0)]
    [InlineData("f f f", 0, null)]
    [InlineData("F F s", 2, null)]
    public void With_RunsInOrder_KeepsTheStreakAndTheLastSuccess(string runs, long streak, int? lastSuccessIndex)
    {
        var stats = RunStatistics.Empty;
        var statuses = runs.Split(' ');
        for (var i = 0; i < statuses.Length; i++)
        {
            stats = stats.With(Recent(i, statuses[i]), T0.AddMinutes(i).AddSeconds(3));
        }

        Assert.Equal(streak, stats.ConsecutiveFailures);
        Assert.Equal(lastSuccessIndex is { } index ? T0.AddMinutes(index).AddSeconds(3) : null, stats.LastSucceededAt);
        Assert.Equal(streak, RunStatistics.LeadingFailures(stats.Recent));
    }

    [Fact]
    public void RecentSuccessRate_CountsOnlyFiredRunsAmongTheRecent()
    {
        var stats = RunStatistics.Empty;
        foreach (var (status, i) in "S S F M S".Split(' ').Select((s, i) => (s, i)))
        {
            stats = stats.With(Recent(i, status));
        }

        Assert.Equal(0.75, stats.RecentSuccessRate);
        Assert.Null(RunStatistics.Empty.With(Recent(0, "M")).RecentSuccessRate);
    }

    [Fact]
    public void RecentSuccessRate_BackfilledRuns_AreLeftOutButStillCounted()
    {
        var stats = RunStatistics.Empty;
        foreach (var (status, i) in "S F f f f".Split(' ').Select((s, i) => (s, i)))
        {
            stats = stats.With(Recent(i, status));
        }

        Assert.Equal(0.5, stats.RecentSuccessRate);
        Assert.Equal(4, stats.Failed);
        Assert.Equal(5, stats.Recent.Count);
        Assert.Null(RunStatistics.Empty.With(Recent(0, "f")).RecentSuccessRate);
    }

    [Fact]
    public void LeadingFailures_MoreFailuresThanKept_CountsOnlyWhatTheRecentListShows()
    {
        var stats = RunStatistics.Empty;
        for (var i = 0; i < 30; i++)
        {
            stats = stats.With(Recent(i, "F"));
        }

        Assert.Equal(30, stats.ConsecutiveFailures);
        Assert.Equal(RunStatistics.MaxRecent, RunStatistics.LeadingFailures(stats.Recent));
    }

    // S, F, M: scheduled runs (succeeded, failed, missed); s, f: backfilled ones.
    private static RecentRun Recent(int minute, string status) => new(
        T0.AddMinutes(minute),
        status is "s" or "f" ? OccurrenceKind.Backfill : OccurrenceKind.Scheduled,
        status.ToUpperInvariant() switch { "S" => RunStatus.Succeeded, "F" => RunStatus.Failed, _ => RunStatus.Missed },
        status == "M" ? null : 200,
        null);
}
