using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// The Runs table row: partition and row key from <see cref="RunPartitions"/> (a shard, then task id '~'
/// <see cref="RunId.KeyOf"/>); one column per field. Rows of the legacy layout (partition key = task id, row key =
/// the run key) are read as they are, and so are rows written before run ids carried the generation: they have the
/// shorter key, and their <c>RunId</c> column is the id they were fired with.
/// </summary>
internal static class RunRow
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>Longest error text kept, in characters; well inside a string column's 32 K characters.</summary>
    public const int MaxErrorLength = 4096;

    private const string SchemaVersion = nameof(SchemaVersion);
    private const string RunId = nameof(RunId);
    private const string Status = nameof(Status);
    private const string Kind = nameof(Kind);
    private const string ScheduledAt = nameof(ScheduledAt);
    private const string FireAt = nameof(FireAt);
    private const string StartedAt = nameof(StartedAt);
    private const string CompletedAt = nameof(CompletedAt);
    private const string Attempts = nameof(Attempts);
    private const string HttpStatus = nameof(HttpStatus);
    private const string DurationMs = nameof(DurationMs);
    private const string ErrorClass = nameof(ErrorClass);
    private const string Error = nameof(Error);
    private const string ResponseSnippet = nameof(ResponseSnippet);
    private const string MissedCount = nameof(MissedCount);
    private const string MissedFrom = nameof(MissedFrom);
    private const string Generation = nameof(Generation);
    private const string Notification = nameof(Notification);
    private const string SigningKeyIds = nameof(SigningKeyIds);

    public static TableEntity ToEntity(RunRecord run)
    {
        var entity = new TableEntity(
            RunPartitions.For(run.TaskId), RunPartitions.RowKey(run.TaskId, Model.RunId.KeyOf(run.Occurrence, run.Generation)))
        {
            [SchemaVersion] = CurrentSchemaVersion,
            [RunId] = run.RunId,
            [Status] = run.Status.ToString(),
            [Kind] = run.Occurrence.Kind.ToString(),
            [ScheduledAt] = run.Occurrence.ScheduledAt,
            [FireAt] = run.Occurrence.FireAt,
            [Attempts] = run.Attempts,
            [ErrorClass] = run.ErrorClass.ToString(),
            [Generation] = run.Generation,
        };

        // Absent columns read back as null: an upsert in Replace mode leaves none of an older record's values behind.
        AddIfSet(entity, StartedAt, run.StartedAt);
        AddIfSet(entity, CompletedAt, run.CompletedAt);
        AddIfSet(entity, HttpStatus, run.HttpStatus);
        AddIfSet(entity, DurationMs, run.Duration is { } d ? (long)Math.Round(d.TotalMilliseconds) : null);
        AddIfSet(entity, Error, RunRecord.Cut(run.Error, MaxErrorLength));
        AddIfSet(entity, ResponseSnippet, RunRecord.Cut(run.ResponseSnippet, RunRecord.MaxSnippetLength));
        AddIfSet(entity, MissedCount, run.MissedCount);
        AddIfSet(entity, MissedFrom, run.MissedFrom);
        AddIfSet(entity, Notification, run.Notification is { } n
            ? Encoding.UTF8.GetString(StorageJson.Serialize(NotificationDocument.From(n), StorageJsonContext.Default.NotificationDocument))
            : null);

        // Key ids cannot hold a comma (SigningOptionsValidator), so one string column keeps the list.
        AddIfSet(entity, SigningKeyIds, run.SigningKeyIds is { Count: > 0 } ids ? string.Join(',', ids) : null);
        return entity;
    }

    public static RunRecord FromEntity(TableEntity entity)
    {
        var version = entity.GetInt32(SchemaVersion);
        if (version != CurrentSchemaVersion)
        {
            throw new InvalidDataException(
                $"Run row {entity.PartitionKey}/{entity.RowKey} has schema version " +
                $"{version?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}; this build reads version {CurrentSchemaVersion}.");
        }

        var occurrence = new Occurrence(
            Instant(entity, ScheduledAt), Instant(entity, FireAt), Enum.Parse<OccurrenceKind>(Text(entity, Kind)));
        return new RunRecord
        {
            TaskId = RunPartitions.TaskOf(entity),
            RunId = Text(entity, RunId),
            Occurrence = occurrence,
            Status = Enum.Parse<RunStatus>(Text(entity, Status)),
            Generation = entity.GetInt64(Generation) ?? 0,
            StartedAt = entity.GetDateTimeOffset(StartedAt),
            CompletedAt = entity.GetDateTimeOffset(CompletedAt),
            Attempts = entity.GetInt32(Attempts) ?? 0,
            HttpStatus = entity.GetInt32(HttpStatus),
            Duration = entity.GetInt64(DurationMs) is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            ErrorClass = Enum.Parse<RunErrorClass>(Text(entity, ErrorClass)),
            Error = entity.GetString(Error),
            ResponseSnippet = entity.GetString(ResponseSnippet),
            MissedCount = entity.GetInt32(MissedCount),
            MissedFrom = entity.GetDateTimeOffset(MissedFrom),
            Notification = entity.GetString(Notification) is { } json
                ? StorageJson.Deserialize(Encoding.UTF8.GetBytes(json), StorageJsonContext.Default.NotificationDocument, "notification").ToModel()
                : null,
            SigningKeyIds = entity.GetString(SigningKeyIds)?.Split(','),
        };
    }

    private static void AddIfSet(TableEntity entity, string column, object? value)
    {
        if (value is not null)
        {
            entity[column] = value;
        }
    }

    private static string Text(TableEntity entity, string column) =>
        entity.GetString(column) ?? throw Missing(entity, column);

    private static DateTimeOffset Instant(TableEntity entity, string column) =>
        entity.GetDateTimeOffset(column) ?? throw Missing(entity, column);

    private static InvalidDataException Missing(TableEntity entity, string column) =>
        new($"Run row {entity.PartitionKey}/{entity.RowKey} has no {column} column.");
}
