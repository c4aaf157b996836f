using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionScheduler.Contracts;

/// <summary>Writes and reads <see cref="TimeSpan"/> as an ISO-8601 duration ("PT30S"), the contract's only duration form.</summary>
internal sealed class IsoDurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !IsoDuration.TryParse(reader.GetString(), out var value))
        {
            throw new JsonException("Expected an ISO-8601 duration such as PT30S.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(IsoDuration.Format(value));
    }
}
