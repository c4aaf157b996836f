using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Tests.Storage;

public sealed class RunIdTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public void For_ScheduledOccurrence_IsTaskIdInvertedTicksKindAndGeneration()
    {
        var inverted = DateTimeOffset.MaxValue.UtcTicks - At.UtcTicks;

        Assert.Equal($"nightly:{inverted:D19}s-g1", RunId.For("nightly", Occurrence.Scheduled(At, At.AddSeconds(9)), 1));
        Assert.Equal($"nightly:{inverted:D19}m-g12", RunId.For("nightly", Occurrence.Manual(At), 12));
    }

    [Fact]
    public void For_SameOccurrenceAndGeneration_IsTheSameWhateverTheJitter()
    {
        Assert.Equal(RunId.For("t", Occurrence.Scheduled(At, At), 3), RunId.For("t", Occurrence.Scheduled(At, At.AddMinutes(5)), 3));
    }

    [Fact]
    public void For_SameInstantInAnotherGenerationOrKind_Differs()
    {
        string[] ids =
        [
            RunId.For("t", Occurrence.Scheduled(At, At), 1),
            RunId.For("t", Occurrence.Scheduled(At, At), 2),
            RunId.For("t", Occurrence.Manual(At), 1),
            RunId.For("t", Occurrence.Manual(At), 2),
        ];

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void KeyOf_LaterInstant_SortsFirstWhateverTheGeneration()
    {
        var later = RunId.KeyOf(Occurrence.Scheduled(At.AddTicks(1), At.AddTicks(1)), 1);
        var earlier = RunId.KeyOf(Occurrence.Scheduled(At, At), 99);

        Assert.True(string.CompareOrdinal(later, earlier) < 0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void KeyOf_GenerationBelowOne_Throws(long generation)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RunId.KeyOf(Occurrence.Scheduled(At, At), generation));
    }
}
