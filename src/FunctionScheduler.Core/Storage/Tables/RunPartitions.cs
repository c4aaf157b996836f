using System.Globalization;
using Azure.Data.Tables;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// Where a run record lives in the Runs table. Records of many tasks share <see cref="TaskPartitions.Shards"/>
/// partitions (<c>!07</c>, by the same hash of the task id as the task's own row), keyed by task id, '~' and the
/// run key, so that the records of tasks fired together go out as entity group transactions of up to 100 rows
/// instead of one request each; a task's records stay one key range of one partition, listed newest first.
/// Indexes written before this layout keep each task's records in a partition named after the task (the legacy
/// layout): read, listed after the newer ones and deleted in place, never moved (docs/storage.md, "Partition layout").
/// </summary>
internal static class RunPartitions
{
    // '!' sorts before every character of a task id (TaskId.Pattern), so no shard is ever a legacy partition; '~'
    // after every one, so a task's keys form a range that no other task's keys fall in.
    private const char ShardMark = '!';
    private const char Separator = '~';

    /// <summary>The partition of <paramref name="taskId"/>'s records in the current layout.</summary>
    public static string For(string taskId) =>
        string.Create(CultureInfo.InvariantCulture, $"{ShardMark}{TaskPartitions.ShardOf(taskId):x2}");

    /// <summary>The row key of a record in the current layout.</summary>
    public static string RowKey(string taskId, string runKey) => taskId + Separator + runKey;

    /// <summary>The task a row belongs to, in either layout.</summary>
    public static string TaskOf(TableEntity row) =>
        IsLegacy(row.PartitionKey) ? row.PartitionKey : row.RowKey[..row.RowKey.IndexOf(Separator, StringComparison.Ordinal)];

    /// <summary>True when <paramref name="partitionKey"/> is one task's partition of the legacy layout.</summary>
    public static bool IsLegacy(string partitionKey) => !partitionKey.StartsWith(ShardMark);

    /// <summary>Every record of <paramref name="taskId"/> in the current layout.</summary>
    public static string TaskFilter(string taskId) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {For(taskId)} and RowKey gt {taskId + Separator} and RowKey lt {taskId + Separator + Separator}");

    /// <summary>The records of <paramref name="taskId"/> whose run keys are in [<paramref name="low"/>, <paramref name="high"/>), current layout.</summary>
    public static string KeyRangeFilter(string taskId, string low, string high) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {For(taskId)} and RowKey ge {RowKey(taskId, low)} and RowKey lt {RowKey(taskId, high)}");

    /// <summary>The same range in the legacy layout.</summary>
    public static string LegacyKeyRangeFilter(string taskId, string low, string high) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {taskId} and RowKey ge {low} and RowKey lt {high}");

    /// <summary>Every record of <paramref name="taskId"/> in the legacy layout.</summary>
    public static string LegacyFilter(string taskId) => TableClient.CreateQueryFilter($"PartitionKey eq {taskId}");
}
