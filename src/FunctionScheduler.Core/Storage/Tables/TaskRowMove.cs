using Azure;
using Azure.Data.Tables;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// Moves a task's row from its legacy partition (the group) to its partition of the current layout, on the row's
/// next write. Table Storage cannot move a row in one request, so the move is three: the legacy row is replaced,
/// on condition of the version the writer read, by the new content plus a <see cref="TaskRow.MovedTo"/> mark (from
/// then on any other writer of it gets a conflict and reads again); the content is inserted in its new partition;
/// the legacy row is deleted, on condition of the marked version. A marked row is never handed out for writing:
/// whoever reads one finishes the move first, and only the reader whose insert succeeded deletes the legacy row, so
/// a legacy row found gone at that point was deleted by a user, and the copy is removed again.
/// </summary>
internal sealed class TaskRowMove(TableClient tasks)
{
    /// <summary>Writes <paramref name="content"/> (the whole row, in its new partition) and moves it there.</summary>
    /// <returns>The task in its new place; null when it was deleted meanwhile.</returns>
    /// <exception cref="RequestFailedException">412 or 404 when the legacy row is no longer at <paramref name="ifMatch"/>.</exception>
    public async Task<StoredTask?> MoveAsync(TableEntity content, string legacyPartition, ETag ifMatch, CancellationToken cancellationToken)
    {
        var marked = new TableEntity(content) { PartitionKey = legacyPartition, [TaskRow.MovedTo] = content.PartitionKey };
        var response = await tasks.UpdateEntityAsync(marked, ifMatch, TableUpdateMode.Replace, cancellationToken);
        return (await FinishAsync(content, legacyPartition, new ETag(TableRows.VersionOf(response)), cancellationToken)).Task;
    }

    /// <summary>True when <paramref name="row"/> is a legacy row marked for a move.</summary>
    public static bool IsMarked(TableEntity row) => row.GetString(TaskRow.MovedTo) is not null;

    /// <summary>Finishes the move of a marked legacy row as read.</summary>
    /// <returns>
    /// The task in its new place (null when deleted meanwhile), and whether this call put it there: false when the
    /// row was already in its new place, which a listing then reaches on its own.
    /// </returns>
    public Task<(StoredTask? Task, bool Moved)> FinishAsync(TableEntity marked, CancellationToken cancellationToken)
    {
        var content = new TableEntity(marked) { PartitionKey = marked.GetString(TaskRow.MovedTo)! };
        content.Remove(TaskRow.MovedTo);

        // What the service added on reading is not the row's content.
        content.Remove("Timestamp");
        content.Remove("odata.etag");
        return FinishAsync(content, marked.PartitionKey, marked.ETag, cancellationToken);
    }

    private async Task<(StoredTask? Task, bool Moved)> FinishAsync(
        TableEntity content, string legacyPartition, ETag marked, CancellationToken cancellationToken)
    {
        string version;
        try
        {
            version = TableRows.VersionOf(await tasks.AddEntityAsync(content, cancellationToken));
        }
        catch (RequestFailedException ex) when (TableErrors.IsRowExisting(ex))
        {
            // Another reader moved it first, and it may have been written since: the copy there is the task.
            var moved = await TableRows.ReadAsync(tasks, content.PartitionKey, content.RowKey, null, cancellationToken);
            return (moved is null ? null : TaskRow.FromEntity(moved), false);
        }

        if (!await TableRows.DeleteIfExistsAsync(tasks, legacyPartition, content.RowKey, marked, cancellationToken))
        {
            // Deleted by a user between the mark and the copy: the copy must not bring the task back.
            await TableRows.DeleteIfExistsAsync(tasks, content.PartitionKey, content.RowKey, new ETag(version), cancellationToken);
            return (null, true);
        }

        content.ETag = new ETag(version);
        return (TaskRow.FromEntity(content), true);
    }
}
