using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>UTF-8 JSON for the stored documents: enums by name, nulls left out, source-generated.</summary>
internal static class StorageJson
{
    // Storage is not HTML: relaxed escaping writes '<', '&', quotes in bodies and non-ASCII text at their UTF-8 size
    // instead of six-byte \uXXXX escapes, which keeps large bodies within the binary column limits.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo, string what) =>
        JsonSerializer.Deserialize(utf8Json, typeInfo)
        ?? throw new InvalidDataException($"The stored {what} is JSON null.");
}

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DefinitionDocument))]
[JsonSerializable(typeof(StateDocument))]
[JsonSerializable(typeof(NotificationDocument))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
