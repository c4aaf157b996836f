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

    private static RecentRun Recent(int minute, string status) => new(
        T0.AddMinutes(minute),
        OccurrenceKind.Scheduled,
        status switch { "S" => RunStatus.Succeeded, "F" => RunStatus.Failed, _ => RunStatus.Missed },
        status == "M" ? null : 200,
        null);
}
