using FunctionScheduler.Core.Liveness;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Testing.Azurite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Liveness;

// Two hosts' heartbeats through the real Hosts table, each judging the other on a shared fake clock.
public sealed class HostHeartbeatTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly AzuriteTables _azurite = new();
    private readonly FakeTimeProvider _clock = new(T0);
    private TableHostRegistry _registry = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _registry = new TableHostRegistry(_azurite.Tables, NullLogger<TableHostRegistry>.Instance);
    }

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task BeatAsync_OtherHostKeepsBeating_NeverGone()
    {
        using var a = Heartbeat(_registry, "host-a");
        using var b = Heartbeat(_registry, "host-b");

        for (var i = 0; i < 10; i++)
        {
            await a.BeatAsync(HostStatus.Running);
            var seen = await b.BeatAsync(HostStatus.Running);
            Assert.Empty(seen!.Dead);
            _clock.Advance(TimeSpan.FromSeconds(3));
        }

        Assert.True(a.Registered);
    }

    [Fact]
    public async Task BeatAsync_OtherHostSilentForTheTimeout_GoneOnce()
    {
        using var a = Heartbeat(_registry, "host-a");
        using var b = Heartbeat(_registry, "host-b");
        await a.BeatAsync(HostStatus.Running);
        await b.BeatAsync(HostStatus.Running);

        _clock.Advance(Timeout - TimeSpan.FromSeconds(1));
        var before = await b.BeatAsync(HostStatus.Running);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var at = await b.BeatAsync(HostStatus.Running);
        var after = await b.BeatAsync(HostStatus.Running);

        Assert.Empty(before!.Dead);
        Assert.Equal(["host-a"], at!.NewlyDead);
        Assert.Contains("host-a", after!.Dead);
        Assert.Empty(after.NewlyDead);
    }

    [Fact]
    public async Task StopAsync_Written_OthersFindItGoneAtTheirNextBeat()
    {
        using var a = Heartbeat(_registry, "host-a");
        using var b = Heartbeat(_registry, "host-b");
        await a.BeatAsync(HostStatus.Running);
        await b.BeatAsync(HostStatus.Running);

        await a.BeatAsync(HostStatus.Stopping);
        var stopping = await b.BeatAsync(HostStatus.Running);
        await a.StopAsync();
        var stopped = await b.BeatAsync(HostStatus.Running);

        Assert.Equal(["host-a"], stopping!.NewlyStopping);
        Assert.Empty(stopping.Dead);
        Assert.Equal(["host-a"], stopped!.NewlyDead);
    }

    [Fact]
    public async Task BeatAsync_StorageFails_NullAndOthersNotJudgedOnTheGap()
    {
        using var a = Heartbeat(_registry, "host-a");
        var flaky = new FlakyRegistry(_registry);
        using var b = Heartbeat(flaky, "host-b");
        await a.BeatAsync(HostStatus.Running);
        await b.BeatAsync(HostStatus.Running);

        // An outage longer than the timeout: b can neither beat nor read; a's beats do not reach storage either.
        flaky.Failing = true;
        _clock.Advance(Timeout * 3);
        Assert.Null(await b.BeatAsync(HostStatus.Running));
        flaky.Failing = false;
        var back = await b.BeatAsync(HostStatus.Running);

        Assert.Empty(back!.Dead);
    }

    [Fact]
    public async Task BeatAsync_HostGoneForForgetAfter_ItsRecordIsDeleted()
    {
        using var a = Heartbeat(_registry, "host-a");
        using var b = Heartbeat(_registry, "host-b");
        await a.BeatAsync(HostStatus.Running);
        await a.StopAsync();
        await b.BeatAsync(HostStatus.Running);

        _clock.Advance(HostLiveness.ForgetAfter);
        await b.BeatAsync(HostStatus.Running);

        Assert.Equal(["host-b"], (await _registry.ListAsync()).Select(r => r.HostId));
    }

    private HostHeartbeat Heartbeat(IHostRegistry registry, string id) =>
        new(registry, id, Timeout, _clock, NullLogger<HostHeartbeat>.Instance);

    private sealed class FlakyRegistry(IHostRegistry inner) : IHostRegistry
    {
        public bool Failing { get; set; }

        public Task WriteAsync(HostRecord record, CancellationToken cancellationToken = default) =>
            Failing ? throw new Azure.RequestFailedException(0, "no answer") : inner.WriteAsync(record, cancellationToken);

        public Task<IReadOnlyList<HostRecord>> ListAsync(CancellationToken cancellationToken = default) =>
            Failing ? throw new Azure.RequestFailedException(0, "no answer") : inner.ListAsync(cancellationToken);

        public Task<bool> DeleteAsync(HostRecord record, CancellationToken cancellationToken = default) => inner.DeleteAsync(record, cancellationToken);
    }
}
