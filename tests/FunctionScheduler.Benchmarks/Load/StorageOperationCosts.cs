using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage.Tables;

namespace FunctionScheduler.Benchmarks.Load;

/// <summary>
/// What each write a fire makes costs Azurite, next to the ceiling's plain upsert: 32 in flight against a fresh
/// table, Azurite's CPU time per operation and the rate. The ceiling upserts a two-column row; a fire upserts a run
/// row of a dozen typed columns and merges a task row's state columns conditionally, which Azurite may price
/// differently. The operations take turns over several rounds and the report gives medians, because the machine's
/// speed drifts within minutes. Printed by <c>load --ops</c>; it explains the ramp's result, it is not a target.
/// </summary>
internal static class StorageOperationCosts
{
    private const int Rounds = 3;

    public sealed record Cost(string Operation, double PerSecond, double AzuriteMicrosecondsPerOp);

    // A write of one kind: (table, worker, iteration) => the request. Made fresh for each measurement, since some
    // keep the versions they wrote.
    private sealed record Operation(string Name, Func<Func<TableClient, int, int, Task<Response>>> Create, int WritesPerCall = 1);

    /// <summary>
    /// The ceiling for a fire's own writes: each of 32 workers repeats claim, run record, clearing (a state merge,
    /// an upsert of a new run row, a state merge), with nothing else in between. Writes per second.
    /// </summary>
    public static async Task<double> MeasureFireMixAsync(AzuriteProcess azurite, TimeSpan duration)
    {
        var mix = FireMix(DateTimeOffset.UtcNow);
        return (await MeasureAsync(new TableServiceClient(azurite.ConnectionString), azurite, duration, mix.Create(), mix.WritesPerCall)).Rate;
    }

    public static async Task<IReadOnlyList<Cost>> MeasureAsync(AzuriteProcess azurite, TimeSpan each)
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var operations = Operations(DateTimeOffset.UtcNow);
        var samples = operations.ToDictionary(o => o.Name, _ => new List<(double Rate, double Micros)>());
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var operation in operations)
            {
                samples[operation.Name].Add(await MeasureAsync(service, azurite, each, operation.Create(), operation.WritesPerCall));
            }
        }

        return
        [
            .. operations.Select(o => new Cost(
                o.Name,
                Percentiles.Of([.. samples[o.Name].Select(s => s.Rate)], 50),
                Percentiles.Of([.. samples[o.Name].Select(s => s.Micros)], 50))),
        ];
    }

    private static IReadOnlyList<Operation> Operations(DateTimeOffset now) =>
    [
        new("ceiling: upsert of a 2-column row, 32,000 keys", () => StorageCeiling.UpsertAsync),
        new("fire: run record (RunRow upsert, new row)", () => RunRecord(now)),
        new("fire: claim or clearing (changed state columns merged, If-Match)", () => StateMerge(now)),
        FireMix(now),
    ];

    private static Operation FireMix(DateTimeOffset now) => new("fire mix: claim, run record, clearing", () =>
    {
        var (merge, run) = (StateMerge(now), RunRecord(now));
        return async (table, worker, i) =>
        {
            await merge(table, worker, 2 * i);
            await run(table, worker, i);
            return await merge(table, worker, (2 * i) + 1);
        };
    }, WritesPerCall: 3);

    // A run record as the executor writes it: a new row every time, so the table grows as a history does.
    private static Func<TableClient, int, int, Task<Response>> RunRecord(DateTimeOffset now) => (table, worker, i) =>
    {
        var at = now.AddSeconds((worker * 1_000_000) + i);
        var occurrence = Occurrence.Scheduled(at, at);
        return table.UpsertEntityAsync(
            RunRow.ToEntity(new RunRecord
            {
                TaskId = $"task-{worker:D3}-{i % 100:D3}",
                RunId = RunId.For("task", occurrence, 1),
                Occurrence = occurrence,
                Generation = 1,
                Status = RunStatus.Succeeded,
                StartedAt = at,
                CompletedAt = at,
                Attempts = 1,
                HttpStatus = 200,
                Duration = TimeSpan.FromMilliseconds(2),
            }),
            TableUpdateMode.Replace);
    };

    // A claim or its clearing: the changed state columns merged into a task row (definition included), If-Match.
    // Consecutive pairs of iterations write the same row, as a claim and its clearing do.
    private static Func<TableClient, int, int, Task<Response>> StateMerge(DateTimeOffset now)
    {
        var task = TaskSeeder.Staggered("cost", 1, TimeSpan.FromSeconds(1), now, new Uri("http://127.0.0.1:1/fire"))[0];
        var versions = new ConcurrentDictionary<string, (ETag Version, TaskRunState State)>();
        return async (table, worker, i) =>
        {
            var id = $"t{worker}-{i / 2 % 100}";
            var state = TaskRunState.New(now) with
            {
                FireCount = i,
                NextFireAt = now.AddSeconds(i),
                Cursor = now.AddSeconds(i),
                UpdatedAt = now.AddSeconds(i),
                InFlight = [new ClaimedOccurrence(Occurrence.Scheduled(now.AddSeconds(i), now.AddSeconds(i)), "host-1234-abcdef12", now.AddSeconds(i + 60), 0)],
            };
            var response = versions.TryGetValue(id, out var stored)
                ? await table.UpdateEntityAsync(TaskRow.ToStateChangeEntity("default", id, state, stored.State), stored.Version, TableUpdateMode.Merge)
                : await table.UpsertEntityAsync(TaskRow.ToEntity(task with { Id = id }, state), TableUpdateMode.Replace);
            versions[id] = (response.Headers.ETag!.Value, state);
            return response;
        };
    }

    private static async Task<(double Rate, double Micros)> MeasureAsync(
        TableServiceClient service, AzuriteProcess azurite, TimeSpan duration, Func<TableClient, int, int, Task<Response>> write, int writesPerCall)
    {
        var table = service.GetTableClient("ops" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        await StorageCeiling.RunAsync(table, TimeSpan.FromSeconds(1), write);
        var cpu = azurite.CpuTime;
        var started = Stopwatch.GetTimestamp();
        var done = await StorageCeiling.RunAsync(table, duration, write) * writesPerCall;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var azuriteSeconds = (azurite.CpuTime - cpu).TotalSeconds;
        await table.DeleteAsync();
        return (done / seconds, azuriteSeconds * 1e6 / done);
    }
}
