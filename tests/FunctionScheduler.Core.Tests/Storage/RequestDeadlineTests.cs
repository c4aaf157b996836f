using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Targets;
using FunctionScheduler.Testing.Timing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Tests.Storage;

// A storage service that takes connections and never answers (a paused Azurite, a black-holed network) must fail
// callers within Scheduler:Storage:RequestTimeout as an outage, not hold them for the SDK's 100-second network
// timeout per attempt. The bounds asserted are far above the timeout and far below what the SDK would take.
public sealed class RequestDeadlineTests
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FarBelowTheSdksOwn = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetAsync_StorageNeverAnswers_FailsAsUnavailableWithinTheRequestTimeout()
    {
        await using var silent = new SilentListener();
        var store = Store(silent.Port);
        var started = Stopwatch.GetTimestamp();

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => store.GetAsync("alpha", "x"));

        Assert.Equal(0, failure.Status);
        Assert.True(StorageFailures.IsUnavailable(failure));
        Assert.Contains("RequestTimeout", failure.Message, StringComparison.Ordinal);
        Assert.InRange(Stopwatch.GetElapsedTime(started), RequestTimeout, FarBelowTheSdksOwn);
        Assert.True(await Eventually.TrueAsync(() => silent.AcceptedCount >= 1, TimeSpan.FromSeconds(10)), "The request never reached the listener.");
    }

    [Fact]
    public async Task GetAsync_ConnectionRefused_FailsAsUnavailableAfterRetriesWithinTheRequestTimeout()
    {
        var store = Store(ClosedPort());
        var started = Stopwatch.GetTimestamp();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => store.GetAsync("alpha", "x"));

        Assert.True(StorageFailures.IsUnavailable(failure), failure.ToString());
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.Zero, FarBelowTheSdksOwn);
    }

    [Fact]
    public async Task GetAsync_CallerCancels_CancellationPropagatesInsteadOfAnOutage()
    {
        await using var silent = new SilentListener();
        var store = Store(silent.Port, TimeSpan.FromMinutes(1));
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetAsync("alpha", "x", caller.Token));
    }

    [Theory]
    [InlineData(0.4, false)]
    [InlineData(0.5, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Validate_RequestTimeout_BetweenHalfASecondAndFiveMinutes(double seconds, bool valid)
    {
        var options = new TableStorageOptions { ConnectionString = "UseDevelopmentStorage=true", RequestTimeout = TimeSpan.FromSeconds(seconds) };

        var result = new TableStorageOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Scheduler:Storage:RequestTimeout", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    private static TableTaskStore Store(int port, TimeSpan? timeout = null)
    {
        var tables = new SchedulerTables(Options.Create(new TableStorageOptions
        {
            ConnectionString = AzuriteStorage.ConnectionStringOnPort(port),
            TablePrefix = AzuriteStorage.NewTablePrefix("deadline"),
            RequestTimeout = timeout ?? RequestTimeout,
        }));
        return new TableTaskStore(tables, new TableRunLog(tables), TimeProvider.System, NullLogger<TableTaskStore>.Instance);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
