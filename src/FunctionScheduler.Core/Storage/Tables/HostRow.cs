using System.Globalization;
using Azure.Data.Tables;
using FunctionScheduler.Core.Liveness;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>The Hosts table row: one partition for all hosts (one request reads them all), row key = host id.</summary>
internal static class HostRow
{
    public const string Partition = "hosts";
    public const int CurrentSchemaVersion = 1;

    private const string SchemaVersion = nameof(SchemaVersion);
    private const string Status = nameof(Status);
    private const string StartedAt = nameof(StartedAt);
    private const string BeatAt = nameof(BeatAt);

    public static TableEntity ToEntity(HostRecord record) => new(Partition, record.HostId)
    {
        [SchemaVersion] = CurrentSchemaVersion,
        [Status] = record.Status.ToString(),
        [StartedAt] = record.StartedAt,
        [BeatAt] = record.BeatAt,
    };

    /// <summary>The record, or null for a row this build cannot read (another schema version, an unknown status).</summary>
    public static HostRecord? FromEntity(TableEntity entity)
    {
        if (entity.GetInt32(SchemaVersion) != CurrentSchemaVersion
            || !Enum.TryParse<HostStatus>(entity.GetString(Status), ignoreCase: false, out var status)
            || entity.GetDateTimeOffset(StartedAt) is not { } startedAt
            || entity.GetDateTimeOffset(BeatAt) is not { } beatAt)
        {
            return null;
        }

        return new HostRecord(entity.RowKey, status, startedAt, beatAt) { Version = entity.ETag.ToString() };
    }

    public static string Describe(TableEntity entity) =>
        string.Create(CultureInfo.InvariantCulture, $"{entity.RowKey} (schema {entity.GetInt32(SchemaVersion)})");
}
