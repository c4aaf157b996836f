using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionScheduler.Contracts;

/// <summary>
/// Writes every instant in UTC with a 'Z' ("2026-12-01T08:00:00Z"), the form the reader accepts and people read
/// most easily; reads any ISO-8601 date-time.
/// </summary>
internal sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
