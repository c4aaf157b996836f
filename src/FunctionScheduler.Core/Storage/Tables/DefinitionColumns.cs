using System.Globalization;
using Azure.Data.Tables;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// A definition in binary columns, as UTF-8 JSON of its stored form: on the task row (the current definition) and on
/// a version row (an earlier one). See docs/storage.md.
/// </summary>
internal static class DefinitionColumns
{
    public const string Definition = nameof(Definition);

    // A definition larger than one binary property (a 32 KiB body full of characters JSON escapes) spills into
    // Definition1, Definition2, ...; eight parts stay well inside the 1 MiB entity limit.
    private const int MaxParts = 8;

    /// <summary>Writes <paramref name="definition"/> into <paramref name="entity"/>; refuses one over 512 KiB of JSON.</summary>
    public static void Write(TableEntity entity, ScheduledTask definition)
    {
        var json = StorageJson.Serialize(DefinitionDocument.From(definition), StorageJsonContext.Default.DefinitionDocument);
        if (json.Length > TaskRow.MaxBinaryLength * MaxParts)
        {
            throw new ArgumentException(
                $"Task '{definition.Id}': the definition is {json.Length} bytes of JSON, more than the " +
                $"{TaskRow.MaxBinaryLength * MaxParts} the index stores.",
                nameof(definition));
        }

        for (var part = 0; part * TaskRow.MaxBinaryLength < json.Length; part++)
        {
            var start = part * TaskRow.MaxBinaryLength;
            entity[PartName(part)] = json.AsSpan(start, Math.Min(TaskRow.MaxBinaryLength, json.Length - start)).ToArray();
        }
    }

    /// <summary>The definition <paramref name="entity"/> holds.</summary>
    public static ScheduledTask Read(TableEntity entity)
    {
        var parts = new List<byte[]>();
        for (var part = 0; part < MaxParts && entity.GetBinary(PartName(part)) is { } bytes; part++)
        {
            parts.Add(bytes);
        }

        byte[] json = parts.Count switch
        {
            0 => throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} has no {Definition} column."),
            1 => parts[0],
            _ => [.. parts.SelectMany(p => p)],
        };
        return StorageJson.Deserialize(json, StorageJsonContext.Default.DefinitionDocument, "definition").ToModel();
    }

    private static string PartName(int part) =>
        part == 0 ? Definition : Definition + part.ToString(CultureInfo.InvariantCulture);
}
