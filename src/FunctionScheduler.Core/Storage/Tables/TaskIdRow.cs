using Azure.Data.Tables;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// The TaskIds table row: partition key = task id, empty row key; the task's group, when the row was written, and
/// the id of the create that wrote it (so a create whose insert was retried recognises its own row).
/// </summary>
internal static class TaskIdRow
{
    public const string Group = nameof(Group);
    public const string WrittenAt = nameof(WrittenAt);
    public const string CreateId = nameof(CreateId);

    public static TableEntity Create(string taskId, string group, DateTimeOffset writtenAt, string createId) =>
        new(taskId, string.Empty) { [Group] = group, [WrittenAt] = writtenAt, [CreateId] = createId };

    public static string GroupOf(TableEntity row) =>
        row.GetString(Group) ?? throw new InvalidDataException($"Id row {row.PartitionKey} has no {Group} column.");
}
