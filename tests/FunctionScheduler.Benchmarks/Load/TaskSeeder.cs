using Azure.Data.Tables;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Benchmarks.Load;

/// <summary>
/// Puts the workloads' tasks into the index before a host starts: through the store's own create (three writes a
/// task), or for the large workload as batched task rows plus id rows (the same rows, far fewer requests).
/// </summary>
internal static class TaskSeeder
{
    private const int InFlight = 32;

    public static async Task ViaStoreAsync(ITaskStore store, IReadOnlyList<ScheduledTask> tasks, DateTimeOffset now)
    {
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (task, ct) =>
            await store.CreateAsync(task, Preview(task, now), ct));
    }

    public static async Task InBatchesAsync(string connectionString, string tablePrefix, IReadOnlyList<ScheduledTask> tasks, DateTimeOffset now)
    {
        var tables = new SchedulerTables(Options.Create(new TableStorageOptions { ConnectionString = connectionString, TablePrefix = tablePrefix }));
        await tables.EnsureCreatedAsync();
        // A transaction holds up to 100 rows of one partition (the group).
        var batches = tasks.GroupBy(t => t.Group).SelectMany(g => g.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (batch, ct) =>
            await tables.Tasks.SubmitTransactionAsync(
                batch.Select(t => new TableTransactionAction(TableTransactionActionType.Add, TaskRow.ToEntity(t, Preview(t, now)))), ct));
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (task, ct) =>
            await tables.TaskIds.AddEntityAsync(TaskIdRow.Create(task.Id, task.Group, now, "seed"), ct));
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
