using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Storage.Tables;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "Task id {TaskId} had an id row pointing at group {Group} (written {WrittenAt}) but no task row; taken over by a create in group {NewGroup}")]
    public static partial void OrphanIdRowTakenOver(ILogger logger, string taskId, string group, DateTimeOffset? writtenAt, string newGroup);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "Task id {TaskId} had an id row pointing at group {Group} but no task row; removed by a delete")]
    public static partial void OrphanIdRowRemoved(ILogger logger, string taskId, string group);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information,
        Message = "Task id {TaskId} was created again while it was being deleted; its new id row is kept")]
    public static partial void IdRowRecreatedDuringDelete(ILogger logger, string taskId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning,
        Message = "Host row {Row} cannot be read by this build; the host is ignored (its claims fall back to their lease)")]
    public static partial void HostRowUnreadable(ILogger logger, string row);
}
