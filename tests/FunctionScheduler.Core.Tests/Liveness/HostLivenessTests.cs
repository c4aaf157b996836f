using FunctionScheduler.Core.Liveness;

namespace FunctionScheduler.Core.Tests.Liveness;

public sealed class HostLivenessTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    // A beat as read back: what changes from one beat to the next is the version (the row's ETag).
    private static HostRecord Beat(string host, int version, HostStatus status = HostStatus.Running, DateTimeOffset? beatAt = null) =>
        new(host, status, T0, beatAt ?? T0) { Version = $"v{version}" };

    [Theory]
    [InlineData(9_999, false)]
    [InlineData(10_000, true)]
    [InlineData(600_000, true)]
    public void Observe_VersionUnchangedFor_DeadExactlyFromTheTimeout(int silentMs, bool dead)
    {
        var liveness = new HostLiveness("self", Timeout);
        liveness.Observe([Beat("a", 1)], T0);

        var change = liveness.Observe([Beat("a", 1)], T0.AddMilliseconds(silentMs));

        Assert.Equal(dead, change.Dead.Contains("a"));
        Assert.Equal(dead ? ["a"] : [], change.NewlyDead);
    }

    [Fact]
    public void Observe_VersionKeepsChanging_NeverDeadWhateverTheHostsClockSays()
    {
        var liveness = new HostLiveness("self", Timeout);

        // The host's own clock is a year behind: only the version counts.
        for (var i = 0; i < 100; i++)
        {
            var change = liveness.Observe([Beat("a", i, beatAt: T0.AddYears(-1))], T0.AddSeconds(9 * i));
            Assert.Empty(change.Dead);
        }
    }

    [Fact]
    public void Observe_FirstSightOfAnOldBeat_SilenceCountsFromTheObserversFirstLook()
    {
        var liveness = new HostLiveness("self", Timeout);

        Assert.Empty(liveness.Observe([Beat("a", 1, beatAt: T0.AddHours(-3))], T0).Dead);
        Assert.Empty(liveness.Observe([Beat("a", 1)], T0.AddSeconds(9)).Dead);
        Assert.Contains("a", liveness.Observe([Beat("a", 1)], T0.AddSeconds(10)).Dead);
    }

    [Fact]
    public void Observe_Stopped_DeadAtFirstSight()
    {
        var liveness = new HostLiveness("self", Timeout);

        var change = liveness.Observe([Beat("a", 1, HostStatus.Stopped)], T0);

        Assert.Equal(["a"], change.NewlyDead);
        Assert.True(change.FreesClaims);
    }

    [Fact]
    public void Observe_Stopping_ReportedOnceAndNotDead()
    {
        var liveness = new HostLiveness("self", Timeout);
        liveness.Observe([Beat("a", 1)], T0);

        var first = liveness.Observe([Beat("a", 2, HostStatus.Stopping)], T0.AddSeconds(2));
        var second = liveness.Observe([Beat("a", 3, HostStatus.Stopping)], T0.AddSeconds(4));

        Assert.Equal(["a"], first.NewlyStopping);
        Assert.Empty(first.Dead);
        Assert.Empty(second.NewlyStopping);
        Assert.False(second.FreesClaims);
    }

    [Fact]
    public void Observe_AfterLostReads_SilenceCountsAfreshSoAnOutageKillsNobody()
    {
        var liveness = new HostLiveness("self", Timeout);
        liveness.Observe([Beat("a", 1)], T0);

        // Storage did not answer for 30 s: nobody could beat, nobody could read.
        liveness.Lost();
        var back = liveness.Observe([Beat("a", 1)], T0.AddSeconds(30));
        var stillSilent = liveness.Observe([Beat("a", 1)], T0.AddSeconds(40));

        Assert.Empty(back.Dead);
        Assert.Equal(["a"], stillSilent.NewlyDead);
    }

    [Fact]
    public void Observe_DeadBeforeLostReads_StaysDead()
    {
        var liveness = new HostLiveness("self", Timeout);
        liveness.Observe([Beat("a", 1)], T0);
        liveness.Observe([Beat("a", 1)], T0.AddSeconds(10));

        liveness.Lost();
        var change = liveness.Observe([Beat("a", 1)], T0.AddSeconds(12));

        Assert.Contains("a", change.Dead);
        Assert.Empty(change.NewlyDead);
    }

    [Fact]
    public void Observe_DeadHostBeatsAgain_AliveAgain()
    {
        var liveness = new HostLiveness("self", Timeout);
        liveness.Observe([Beat("a", 1)], T0);
        liveness.Observe([Beat("a", 1)], T0.AddSeconds(10));

        var change = liveness.Observe([Beat("a", 2)], T0.AddSeconds(11));

        Assert.Empty(change.Dead);
    }

    [Fact]
    public void Observe_RecordGone_UnknownNotDead()
    {
        var liveness = new HostLiveness("self", Timeout);
        liveness.Observe([Beat("a", 1)], T0);
        liveness.Observe([Beat("a", 1)], T0.AddSeconds(10));

        var change = liveness.Observe([], T0.AddSeconds(11));

        Assert.Empty(change.Dead);
    }

    [Fact]
    public void Observe_OwnRecord_NeverJudged()
    {
        var liveness = new HostLiveness("self", Timeout);
        liveness.Observe([Beat("self", 1)], T0);

        Assert.Empty(liveness.Observe([Beat("self", 1, HostStatus.Stopped)], T0.AddHours(2)).Dead);
    }

    [Fact]
    public void Observe_DeadForForgetAfter_RecordToBeForgotten()
    {
        var liveness = new HostLiveness("self", Timeout);
        liveness.Observe([Beat("a", 1, HostStatus.Stopped)], T0);

        var before = liveness.Observe([Beat("a", 1, HostStatus.Stopped)], T0 + HostLiveness.ForgetAfter - TimeSpan.FromSeconds(1));
        var after = liveness.Observe([Beat("a", 1, HostStatus.Stopped)], T0 + HostLiveness.ForgetAfter);

        Assert.Empty(before.Forgotten);
        Assert.Equal("a", Assert.Single(after.Forgotten).HostId);
    }

    [Fact]
    public void Observe_SeveralHosts_JudgedEachOnItsOwn()
    {
        var liveness = new HostLiveness("self", Timeout);
        liveness.Observe([Beat("a", 1), Beat("b", 1), Beat("c", 1)], T0);

        var change = liveness.Observe([Beat("a", 1), Beat("b", 2), Beat("c", 2, HostStatus.Stopped)], T0.AddSeconds(5));

        Assert.Equal(new HashSet<string> { "c" }, change.Dead);
        Assert.Equal(new HashSet<string> { "a", "c" }, liveness.Observe([Beat("a", 1), Beat("b", 3), Beat("c", 2, HostStatus.Stopped)], T0.AddSeconds(10)).Dead);
    }
}
