using Azure;
using Azure.Identity;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Tests.Storage;
using FunctionScheduler.Testing.Azurite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Api;

public sealed class HealthCheckTests(AzuriteTables azurite) : IClassFixture<AzuriteTables>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    // An index that never answers until the call is cancelled.
    private static readonly ListingStore Silent = new(async (_, ct) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        throw new InvalidOperationException("unreachable");
    });

    [Fact]
    public async Task IndexAnswers_200WithInstanceAndClock()
    {
        var clock = new FakeTimeProvider(Now);

        var answer = await Check(StorageSamples.TaskStore(azurite.Tables, clock), clock).CheckAsync("host-a", CancellationToken.None);

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(new HealthReport("healthy", "host-a", Now), answer.Body);
    }

    public static TheoryData<Exception> Outages() => new()
    {
        new RequestFailedException(0, "connection refused"),
        new RequestFailedException(503, "server busy"),
        new AuthenticationFailedException("no token for the managed identity"),
        new AggregateException(new HttpRequestException("reset"), new RequestFailedException(500, "internal")),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task IndexUnavailable_503Problem(Exception outage)
    {
        var clock = new FakeTimeProvider(Now);

        var answer = await Check(new ListingStore((_, _) => throw outage), clock).CheckAsync("host-a", CancellationToken.None);

        Assert.Equal(503, answer.StatusCode);
        Assert.Equal(Problems.UnavailableType, Assert.IsType<ProblemDocument>(answer.Body).Type);
    }

    [Fact]
    public async Task IndexSilentPastTheTimeout_503Problem()
    {
        var clock = new FakeTimeProvider(Now);

        var checking = Check(Silent, clock).CheckAsync(null, CancellationToken.None);
        clock.Advance(HealthCheck.Timeout - TimeSpan.FromMilliseconds(1));
        Assert.False(checking.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var answer = await checking.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(503, answer.StatusCode);
    }

    [Fact]
    public async Task CallerCancels_CancellationPropagatesInsteadOf503()
    {
        var clock = new FakeTimeProvider(Now);
        using var caller = new CancellationTokenSource();

        var checking = Check(Silent, clock).CheckAsync(null, caller.Token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => checking);
    }

    [Fact]
    public async Task StoreBug_IsNotReportedAsAnOutage()
    {
        var clock = new FakeTimeProvider(Now);
        var bug = new InvalidDataException("Task row default/a has schema version 9");

        var thrown = await Assert.ThrowsAsync<InvalidDataException>(
            () => Check(new ListingStore((_, _) => throw bug), clock).CheckAsync(null, CancellationToken.None));

        Assert.Same(bug, thrown);
    }

    private static HealthCheck Check(ITaskStore store, TimeProvider clock) => new(store, clock, NullLogger<HealthCheck>.Instance);

    /// <summary>An index whose listing is the given function; nothing else is called by a health check.</summary>
    private sealed class ListingStore(Func<TaskQuery, CancellationToken, Task<TaskPage>> list) : ITaskStore
    {
        public Task<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default) => list(query, cancellationToken);

        public Task<StoredTask?> GetAsync(string taskId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<StoredTask?> GetAsync(string group, string taskId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<StoredTask> CreateAsync(ScheduledTask definition, TaskRunState state, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<StoredTask> ReplaceAsync(StoredTask current, ScheduledTask definition, TaskRunState state, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<StoredTask> UpdateStateAsync(StoredTask current, TaskRunState state, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> DeleteAsync(string taskId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
