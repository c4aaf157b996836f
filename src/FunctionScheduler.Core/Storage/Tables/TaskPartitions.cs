using System.Globalization;
using Azure.Data.Tables;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// Where a task's row lives in the Tasks table. A group's tasks are spread over <see cref="Shards"/> partitions by
/// a hash of the id (<c>group~07</c>), so that a burst of one group's tasks due together is served by many
/// partitions at once (Table Storage serves each partition at about 2,000 entities a second) while each partition
/// still collects enough rows for full entity group transactions. Indexes written before this layout keep their
/// rows in a partition named after the group alone (the legacy layout): read, listed and written in place until
/// moved (docs/storage.md, "Partition layout").
/// </summary>
internal static class TaskPartitions
{
    /// <summary>Partitions per group. Fixed for the life of an index: a row's place is computed from it.</summary>
    public const int Shards = 32;

    // Not a character of a group (TaskId.Pattern) and sorts after every one of them, so one group's partitions form
    // a key range no other group's partition falls in.
    private const char Separator = '~';

    /// <summary>The partition of a task in the current layout.</summary>
    public static string For(string group, string taskId) =>
        string.Create(CultureInfo.InvariantCulture, $"{group}{Separator}{ShardOf(taskId):x2}");

    /// <summary>The partition the layout before sharding used: the group.</summary>
    public static string Legacy(string group) => group;

    /// <summary>True when <paramref name="partitionKey"/> is a group's legacy partition.</summary>
    public static bool IsLegacy(string partitionKey) => !partitionKey.Contains(Separator, StringComparison.Ordinal);

    /// <summary>A filter that matches every row of <paramref name="group"/>, in either layout.</summary>
    public static string GroupFilter(string group) =>
        TableClient.CreateQueryFilter(
            $"(PartitionKey eq {group}) or (PartitionKey gt {group + Separator} and PartitionKey lt {group + Separator + Separator})");

    /// <summary>
    /// The shard of <paramref name="taskId"/>, 0 to <see cref="Shards"/> - 1: FNV-1a over the id's characters, stable
    /// across processes and versions, unlike string.GetHashCode. The run history uses the same (RunPartitions).
    /// </summary>
    public static int ShardOf(string taskId)
    {
        var hash = 2166136261u;
        foreach (var c in taskId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Shards);
    }
}
