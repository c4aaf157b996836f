using System.Text.Json;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>
/// How the fake Durable runtime moves inputs, outputs and events: through JSON, as the real one stores them in the
/// history. A type that does not survive the round trip breaks the tests as it would break the app.
/// </summary>
internal static class DurableJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, Options);
}
