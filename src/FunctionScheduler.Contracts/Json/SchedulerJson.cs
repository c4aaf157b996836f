using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FunctionScheduler.Contracts;

/// <summary>
/// The one JSON setting of the REST contract, shared by both hosts: camelCase names, enums as camelCase strings,
/// durations as ISO-8601 strings, instants in UTC with 'Z', null properties left out. Nulls inside dictionaries
/// (secret header names) and a null continuation token are written, because there the null says something.
/// </summary>
public static class SchedulerJson
{
    /// <summary>Read-only options with the contract's settings; types outside the contract fall back to reflection.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Applies the contract's settings to options a host owns (ASP.NET Core's ConfigureHttpJsonOptions, say), so
    /// that framework-written JSON matches <see cref="Options"/>.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = false;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

        // Responses are application/json, never embedded in HTML, so '<', '+' and non-ASCII text in bodies and
        // names stay readable instead of turning into \u escapes.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new IsoDurationJsonConverter());
        options.Converters.Add(new UtcInstantJsonConverter());
        options.TypeInfoResolver = options.TypeInfoResolver is null
            ? JsonTypeInfoResolver.Combine(SchedulerJsonContext.Default, new DefaultJsonTypeInfoResolver())
            : JsonTypeInfoResolver.Combine(SchedulerJsonContext.Default, options.TypeInfoResolver);
    }

    /// <summary>Serializes <paramref name="value"/> with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Serializes <paramref name="value"/> to UTF-8 with <see cref="Options"/>.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Reads a representation back (clients and tests); request bodies go through the validating reader instead.</summary>
    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<T>(utf8Json, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly();
        return options;
    }
}
