using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionScheduler.Contracts;

/// <summary>
/// The "target.success.body" object, in definitions and representations alike: exactly one of <see cref="Contains"/>
/// or <see cref="JsonPointer"/> (with <see cref="EqualTo"/>).
/// </summary>
public sealed record BodyCheck
{
    /// <summary>Text the response body must contain (case-sensitive).</summary>
    public string? Contains { get; init; }

    /// <summary>An RFC 6901 pointer into the response body, read as JSON ("/status").</summary>
    public string? JsonPointer { get; init; }

    /// <summary>The JSON value the pointer must lead to (any JSON: a string, number, boolean, null, array or object).</summary>
    [JsonPropertyName("equals")]
    public JsonElement? EqualTo { get; init; }
}
