using System.Globalization;
using Azure.Data.Tables;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// The Tasks table row: definition as UTF-8 JSON in binary columns, state as flat columns plus one JSON column.
/// See docs/storage.md for the column list.
/// </summary>
internal static class TaskRow
{
    public const int CurrentSchemaVersion = 1;

    public const string SchemaVersion = nameof(SchemaVersion);
    public const string Lifecycle = nameof(Lifecycle);
    public const string Generation = nameof(Generation);
    public const string GenerationStartedAt = nameof(GenerationStartedAt);
    public const string FireCount = nameof(FireCount);
    public const string NextFireAt = nameof(NextFireAt);
    public const string CreatedAt = nameof(CreatedAt);
    public const string UpdatedAt = nameof(UpdatedAt);
    public const string StateJson = nameof(StateJson);

    /// <summary>On a legacy-layout row only: the row is being moved to this partition (TaskRowMove).</summary>
    public const string MovedTo = nameof(MovedTo);

    /// <summary>Largest binary property Table Storage accepts.</summary>
    public const int MaxBinaryLength = 64 * 1024;

    /// <summary>
    /// Stored for "no next fire": a Merge cannot remove a property, and this value sorts after every real instant,
    /// so a "due by now" filter on NextFireAt never matches a task with nothing planned.
    /// </summary>
    public static readonly DateTimeOffset NoNextFire = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The whole row in its partition of the current layout: definition and state (create and replace).</summary>
    public static TableEntity ToEntity(ScheduledTask definition, TaskRunState state) =>
        ToEntity(definition, state, TaskPartitions.For(definition.Group, definition.Id));

    /// <summary>The whole row, in <paramref name="partitionKey"/>.</summary>
    public static TableEntity ToEntity(ScheduledTask definition, TaskRunState state, string partitionKey)
    {
        var entity = new TableEntity(partitionKey, definition.Id) { [SchemaVersion] = CurrentSchemaVersion };
        DefinitionColumns.Write(entity, definition);
        AddState(entity, state, stored: null);
        return entity;
    }

    /// <summary>
    /// The state columns that differ from <paramref name="stored"/>, plus the JSON column, for a Merge made on
    /// condition of the version <paramref name="stored"/> was read at: the row then holds exactly
    /// <paramref name="stored"/>, so the columns left out keep their values. A fire's claim and its clearing change
    /// three or four of the eight, and each column costs serialising on both ends.
    /// </summary>
    public static TableEntity ToStateChangeEntity(string partitionKey, string id, TaskRunState state, TaskRunState stored)
    {
        var entity = new TableEntity(partitionKey, id);
        AddState(entity, state, stored);
        return entity;
    }

    public static StoredTask FromEntity(TableEntity entity)
    {
        var version = entity.GetInt32(SchemaVersion);
        if (version != CurrentSchemaVersion)
        {
            throw new InvalidDataException(
                $"Task row {entity.PartitionKey}/{entity.RowKey} has schema version {version?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}; " +
                $"this build reads version {CurrentSchemaVersion}.");
        }

        return new StoredTask(DefinitionColumns.Read(entity), ReadState(entity), entity.ETag.ToString())
        {
            Partition = TaskPartitions.IsLegacy(entity.PartitionKey) ? entity.PartitionKey : null,
        };
    }

    /// <summary>The partition <paramref name="task"/>'s row is in.</summary>
    public static string PartitionOf(StoredTask task) => task.Partition ?? TaskPartitions.For(task.Group, task.Id);

    // Every state column when stored is null (a whole row), else only those that differ from it, plus the JSON
    // column, which a claim or its clearing always changes.
    private static void AddState(TableEntity entity, TaskRunState state, TaskRunState? stored)
    {
        AddStateJson(entity, state);
        Add(entity, Lifecycle, state.Lifecycle.ToString(), stored?.Lifecycle.ToString());
        Add(entity, Generation, state.Generation, stored?.Generation);
        Add(entity, GenerationStartedAt, state.GenerationStartedAt, stored?.GenerationStartedAt);
        Add(entity, FireCount, state.FireCount, stored?.FireCount);
        Add(entity, NextFireAt, state.NextFireAt ?? NoNextFire, stored is null ? null : stored.NextFireAt ?? NoNextFire);
        Add(entity, CreatedAt, state.CreatedAt, stored?.CreatedAt);
        Add(entity, UpdatedAt, state.UpdatedAt, stored?.UpdatedAt);
    }

    private static void AddStateJson(TableEntity entity, TaskRunState state)
    {
        var json = StorageJson.Serialize(StateDocument.From(state), StorageJsonContext.Default.StateDocument);
        if (json.Length > MaxBinaryLength)
        {
            throw new InvalidOperationException(
                $"Task '{entity.RowKey}': its state is {json.Length} bytes of JSON ({state.InFlight.Count} in flight, " +
                $"{state.RunRequests.Count} run requests), more than the {MaxBinaryLength} one column holds.");
        }

        entity[StateJson] = json;
    }

    private static void Add<T>(TableEntity entity, string column, T value, T? stored)
        where T : struct, IEquatable<T>
    {
        if (stored is not { } previous || !value.Equals(previous))
        {
            entity[column] = value;
        }
    }

    private static void Add(TableEntity entity, string column, string value, string? stored)
    {
        if (!string.Equals(value, stored, StringComparison.Ordinal))
        {
            entity[column] = value;
        }
    }

    private static TaskRunState ReadState(TableEntity entity)
    {
        var rest = StorageJson.Deserialize(
            Required(entity, StateJson, entity.GetBinary), StorageJsonContext.Default.StateDocument, "state");
        var nextFireAt = RequiredValue(entity, NextFireAt, entity.GetDateTimeOffset);
        return new TaskRunState
        {
            Lifecycle = Enum.Parse<TaskLifecycle>(Required(entity, Lifecycle, entity.GetString)),
            PausedReason = rest.PausedReason,
            Overdue = rest.Overdue?.ToModel(),
            Completion = rest.Completion,
            Generation = RequiredValue(entity, Generation, entity.GetInt64),
            GenerationStartedAt = RequiredValue(entity, GenerationStartedAt, entity.GetDateTimeOffset),
            Cursor = rest.Cursor,
            FireCount = RequiredValue(entity, FireCount, entity.GetInt32),
            NextFireAt = nextFireAt == NoNextFire ? null : nextFireAt,
            InFlight = [.. rest.InFlight.Select(c => c.ToModel())],
            RunRequests = [.. rest.RunRequests],
            LastRun = rest.LastRun?.ToModel(),
            RunStats = rest.RunStats?.ToModel() ?? RunStatistics.Empty,
            Backfill = rest.Backfill?.ToModel(),
            CreatedAt = RequiredValue(entity, CreatedAt, entity.GetDateTimeOffset),
            UpdatedAt = RequiredValue(entity, UpdatedAt, entity.GetDateTimeOffset),
        };
    }

    private static T Required<T>(TableEntity entity, string column, Func<string, T?> read)
        where T : class =>
        read(column) ?? throw Missing(entity, column);

    private static T RequiredValue<T>(TableEntity entity, string column, Func<string, T?> read)
        where T : struct =>
        read(column) ?? throw Missing(entity, column);

    private static InvalidDataException Missing(TableEntity entity, string column) =>
        new($"Task row {entity.PartitionKey}/{entity.RowKey} has no {column} column.");
}
