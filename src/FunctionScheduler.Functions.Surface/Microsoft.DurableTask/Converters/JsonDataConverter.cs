using System.Text.Json;

namespace Microsoft.DurableTask.Converters;

// Source: microsoft/durabletask-dotnet/src/Abstractions/Converters/JsonDataConverter.cs@41603fe15bb9
public class JsonDataConverter : DataConverter
{
    // The real default: System.Text.Json defaults plus IncludeFields (changing it would break in-flight instances).
    private static readonly JsonSerializerOptions DefaultOptions = new() { IncludeFields = true };

    private readonly JsonSerializerOptions _options;

    // Source: microsoft/durabletask-dotnet/src/Abstractions/Converters/JsonDataConverter.cs@41603fe15bb9
    public JsonDataConverter(JsonSerializerOptions? options = null)
    {
        _options = options ?? DefaultOptions;
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/Converters/JsonDataConverter.cs@41603fe15bb9
    public static JsonDataConverter Default { get; } = new();

    // Source: microsoft/durabletask-dotnet/src/Abstractions/Converters/JsonDataConverter.cs@41603fe15bb9
    public override string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, _options);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/Converters/JsonDataConverter.cs@41603fe15bb9
    public override object? Deserialize(string? data, Type targetType) => data is null ? null : JsonSerializer.Deserialize(data, targetType, _options);
}
