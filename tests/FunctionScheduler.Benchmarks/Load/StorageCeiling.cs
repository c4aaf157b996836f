using System.Diagnostics;
using Azure;
using Azure.Data.Tables;

namespace FunctionScheduler.Benchmarks.Load;

/// <summary>
/// The storage ceiling on this machine: raw Azure.Data.Tables upserts of a small row, 32 in flight, against the
/// same Azurite, for a fixed time. Every scheduler number is read against it. Also the closed loop every
/// storage-only measurement of the harness runs (<see cref="StorageOperationCosts"/> too).
/// </summary>
internal static class StorageCeiling
{
    public const int InFlight = 32;

    private static readonly string Payload = new('x', 400);

    /// <summary>The ceiling's write: a two-column row, over a fixed set of 1000 keys per worker.</summary>
    public static Task<Response> UpsertAsync(TableClient table, int worker, int iteration) =>
        table.UpsertEntityAsync(
            new TableEntity($"p{worker}", $"r{iteration % 1000:D4}") { ["Payload"] = Payload, ["Count"] = iteration },
            TableUpdateMode.Replace);

    public static async Task<double> MeasureAsync(string connectionString, TimeSpan duration)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("ceiling" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();

        // A short untimed run first: both ends JIT-compile and open their connections.
        await RunAsync(table, TimeSpan.FromSeconds(3), UpsertAsync);
        var started = Stopwatch.GetTimestamp();
        var done = await RunAsync(table, duration, UpsertAsync);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await table.DeleteAsync();
        return done / elapsed.TotalSeconds;
    }

    /// <summary><see cref="InFlight"/> workers, each calling <paramref name="write"/> again as soon as its last call returns; the calls made.</summary>
    public static async Task<long> RunAsync(TableClient table, TimeSpan duration, Func<TableClient, int, int, Task<Response>> write)
    {
        long done = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, InFlight).Select(async worker =>
        {
            for (var i = 0; Stopwatch.GetTimestamp() < stopAt; i++)
            {
                await write(table, worker, i);
                Interlocked.Increment(ref done);
            }
        });
        await Task.WhenAll(workers);
        return done;
    }
}
