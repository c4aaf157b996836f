using Azure.Data.Tables;
using FunctionScheduler.Core.DependencyInjection;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Benchmarks.Load;

/// <summary>
/// Puts the workloads' tasks into the index before a host starts: through the store's own create (three writes a
/// task), or for the large workload as batched task rows plus id rows (the same rows, far fewer requests).
/// </summary>
internal static class TaskSeeder
{
    private const int InFlight = 32;

    /// <summary>Creates <paramref name="tasks"/> through the store's own create, under <paramref name="tablePrefix"/>.</summary>
    public static async Task ViaStoreAsync(string connectionString, string tablePrefix, IReadOnlyList<ScheduledTask> tasks)
    {
        await using var services = Storage(connectionString, tablePrefix);
        var store = services.GetRequiredService<ITaskStore>();
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (task, ct) =>
            await store.CreateAsync(task, Preview(task, now), ct));
    }

    /// <summary>The core's storage services over the tables under <paramref name="tablePrefix"/>.</summary>
    public static ServiceProvider Storage(string connectionString, string tablePrefix) =>
        new ServiceCollection()
            .AddLogging()
            .AddSchedulerStorage(options =>
            {
                options.ConnectionString = connectionString;
                options.TablePrefix = tablePrefix;
            })
            .BuildServiceProvider();

    /// <summary>
    /// Writes the task rows in entity group transactions (100 rows of one partition per request). The id rows are left
    /// out: the dispatcher never reads them (only reads by id alone do), and Azurite inserts one partition per id
    /// ever more slowly as the table grows, which would make seeding, not the scheduler, the long part of the run.
    /// </summary>
    public static async Task InBatchesAsync(string connectionString, string tablePrefix, IReadOnlyList<ScheduledTask> tasks, DateTimeOffset now)
    {
        var tables = new SchedulerTables(Options.Create(new TableStorageOptions { ConnectionString = connectionString, TablePrefix = tablePrefix }));
        await tables.EnsureCreatedAsync();
        // Grouped by the rows' own partition key, whatever the layout of the build puts there.
        var batches = tasks.Select(t => TaskRow.ToEntity(t, Preview(t, now))).GroupBy(row => row.PartitionKey).SelectMany(g => g.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (batch, ct) =>
            await tables.Tasks.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), ct));
    }

    // The state a create through the API stores: the next fire filled in (TasksApi's preview), so that loading the
    // task finds nothing to write.
    private static TaskRunState Preview(ScheduledTask task, DateTimeOffset now)
    {
        var state = TaskRunState.New(now);
        var decision = TaskPlanner.Plan(task, state, now, new ClaimRequest("preview", TimeSpan.Zero));
        var firstDue = decision.Due.Where(o => o.Kind == OccurrenceKind.Scheduled).Select(o => (DateTimeOffset?)o.FireAt).FirstOrDefault();
        return state with { NextFireAt = firstDue ?? decision.Next?.FireAt };
    }

    public static Task DeleteTablesAsync(string connectionString, string tablePrefix) =>
        new SchedulerTables(Options.Create(new TableStorageOptions { ConnectionString = connectionString, TablePrefix = tablePrefix })).DeleteAllAsync();

    /// <summary>Interval tasks whose first fires are spread evenly over one period, starting at <paramref name="firstAt"/>.</summary>
    public static IReadOnlyList<ScheduledTask> Staggered(string prefix, int count, TimeSpan interval, DateTimeOffset firstAt, Uri target) =>
    [
        .. Enumerable.Range(0, count).Select(i => Task(
            $"{prefix}-{i:D6}",
            new TaskSchedule { Kind = ScheduleKind.Interval, Interval = interval, StartAt = firstAt + (interval * i / count) },
            target)),
    ];

    /// <summary>Cron tasks that all fire at the same instants (every second on the second, say).</summary>
    public static IReadOnlyList<ScheduledTask> Aligned(string prefix, int count, string cron, Uri target) =>
    [
        .. Enumerable.Range(0, count).Select(i => Task(
            $"{prefix}-{i:D6}",
            new TaskSchedule { Kind = ScheduleKind.Cron, Cron = cron },
            target)),
    ];

    private static ScheduledTask Task(string id, TaskSchedule schedule, Uri target) => new()
    {
        Id = id,
        Schedule = schedule,
        Target = new HttpTarget
        {
            Url = target,
            Timeout = TimeSpan.FromSeconds(5),
            Retry = new TargetRetryPolicy { MaxAttempts = 1 },
        },
    };
}
