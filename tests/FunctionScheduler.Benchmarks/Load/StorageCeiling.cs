using Azure.Data.Tables;

namespace FunctionScheduler.Benchmarks.Load;

/// <summary>
/// The storage ceiling on this machine: raw Azure.Data.Tables upserts of a run-sized row, 32 in flight, against the
/// same Azurite, for a fixed time. Every scheduler number is read against it.
/// </summary>
internal static class StorageCeiling
{
    public const int InFlight = 32;

    public static async Task<double> MeasureAsync(string connectionString, TimeSpan duration)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("ceiling" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        var payload = new string('x', 400);
        long done = 0;
        var stopAt = DateTimeOffset.UtcNow + duration;
        var started = DateTimeOffset.UtcNow;
        var workers = Enumerable.Range(0, InFlight).Select(async worker =>
        {
            for (var i = 0; DateTimeOffset.UtcNow < stopAt; i++)
            {
                var entity = new TableEntity($"p{worker}", $"r{i % 1000:D4}") { ["Payload"] = payload, ["Count"] = i };
                await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);
                Interlocked.Increment(ref done);
            }
        });
        await Task.WhenAll(workers);
        var elapsed = DateTimeOffset.UtcNow - started;
        await table.DeleteAsync();
        return done / elapsed.TotalSeconds;
    }
}
