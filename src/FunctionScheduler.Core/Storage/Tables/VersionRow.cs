using System.Globalization;
using Azure.Data.Tables;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// An earlier definition of a task, in the TaskIds table beside the task's id row (partition key = task id), so that
/// the delete removes both in one transaction. Row keys are a ring of <see cref="Slots"/>: "v00" to "v50", the slot
/// of version n being n mod <see cref="Slots"/>; keeping a version overwrites the one <see cref="Slots"/> older,
/// so a task never holds more rows than that, and no write deletes anything. docs/storage.md has the columns.
/// </summary>
internal static class VersionRow
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The kept versions plus one spare, which a keep whose replace then failed may fill without losing a kept one.</summary>
    public const int Slots = IDefinitionHistory.MaxKept + 1;

    /// <summary>Every version row key starts with this; the id row's key (empty) sorts before them.</summary>
    public const string KeyPrefix = "v";

    public const string SchemaVersion = nameof(SchemaVersion);
    public const string Generation = nameof(Generation);
    public const string SavedAt = nameof(SavedAt);
    public const string TaskCreatedAt = nameof(TaskCreatedAt);

    /// <summary>The row key of version <paramref name="number"/>.</summary>
    public static string KeyOf(long number) => KeyPrefix + (number % Slots).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>
    /// The row keeping <paramref name="task"/>'s current definition as a version. <see cref="TaskCreatedAt"/> tells the
    /// task apart from an earlier task of the same id whose rows a crashed delete left behind.
    /// </summary>
    public static TableEntity ToEntity(StoredTask task)
    {
        var entity = new TableEntity(task.Id, KeyOf(task.State.Generation))
        {
            [SchemaVersion] = CurrentSchemaVersion,
            [Generation] = task.State.Generation,
            [SavedAt] = task.State.GenerationStartedAt,
            [TaskCreatedAt] = task.State.CreatedAt,
        };
        DefinitionColumns.Write(entity, task.Definition);
        return entity;
    }

    /// <summary>The version <paramref name="entity"/> holds, when it is one of <paramref name="task"/>'s kept ones.</summary>
    public static DefinitionVersion? FromEntity(TableEntity entity, StoredTask task)
    {
        var version = entity.GetInt32(SchemaVersion);
        if (version != CurrentSchemaVersion)
        {
            throw new InvalidDataException(
                $"Version row {entity.PartitionKey}/{entity.RowKey} has schema version {version?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}; " +
                $"this build reads version {CurrentSchemaVersion}.");
        }

        var number = entity.GetInt64(Generation) ?? 0;
        var current = task.State.Generation;
        var ours = entity.GetDateTimeOffset(TaskCreatedAt) == task.State.CreatedAt
            && number < current
            && number >= current - IDefinitionHistory.MaxKept;
        return ours
            ? new DefinitionVersion(number, entity.GetDateTimeOffset(SavedAt) ?? task.State.CreatedAt, DefinitionColumns.Read(entity))
            : null;
    }
}
