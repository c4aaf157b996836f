using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FunctionScheduler.Core.Validation;

/// <summary>
/// Typed access to the properties of one JSON object. Every accessor reports a wrong type into the shared error
/// list and returns null, so that the caller can go on and find the next error instead of stopping at the first.
/// A JSON null reads as absent.
/// </summary>
internal sealed partial class JsonObjectReader
{
    private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    private JsonObjectReader(JsonElement element, string pointer, FieldErrors errors)
    {
        Pointer = pointer;
        Errors = errors;
        foreach (var property in element.EnumerateObject())
        {
            if (!_properties.TryAdd(property.Name, property.Value))
            {
                errors.Add(PointerOf(property.Name), ValidationRules.DuplicateProperty, $"'{property.Name}' appears more than once.");
                continue;
            }

            _names.Add(property.Name);
        }
    }

    /// <summary>JSON pointer of this object.</summary>
    public string Pointer { get; }

    public FieldErrors Errors { get; }

    /// <summary>Property names in document order, each once.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Opens <paramref name="element"/> as an object, or reports a type error and returns null.</summary>
    public static JsonObjectReader? Open(JsonElement element, string pointer, FieldErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(pointer, ValidationRules.Type, "Must be a JSON object.");
            return null;
        }

        return new JsonObjectReader(element, pointer, errors);
    }

    public string PointerOf(string name) => FieldErrors.PointerOf(Pointer, name);

    /// <summary>Whether the property is present with a non-null value.</summary>
    public bool Has(string name) => TryGet(name, out _);

    /// <summary>The property's value, when present and not null.</summary>
    public bool TryGet(string name, out JsonElement value) =>
        _properties.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The property's value when present, a JSON null included (for the one place where null is a value).</summary>
    public bool TryGetIncludingNull(string name, out JsonElement value) => _properties.TryGetValue(name, out value);

    /// <summary>Reports every property not in <paramref name="known"/>.</summary>
    public void RejectUnknown(IReadOnlySet<string> known)
    {
        foreach (var name in _names.Where(name => !known.Contains(name)))
        {
            Errors.Add(PointerOf(name), ValidationRules.UnknownProperty, $"'{name}' is not a property here (names are case-sensitive).");
        }
    }

    /// <summary>Reports <see cref="ValidationRules.Required"/> when the property is absent or null.</summary>
    public void Require(string name)
    {
        if (!Has(name))
        {
            Errors.Add(PointerOf(name), ValidationRules.Required, $"'{name}' is required.");
        }
    }

    public JsonObjectReader? Object(string name) =>
        TryGet(name, out var value) ? Open(value, PointerOf(name), Errors) : null;

    public string? String(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(PointerOf(name), ValidationRules.Type, "Must be a string.");
            return null;
        }

        return value.GetString();
    }

    public bool? Boolean(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Errors.Add(PointerOf(name), ValidationRules.Type, "Must be true or false.");
            return null;
        }

        return value.GetBoolean();
    }

    /// <summary>The items of an array property; a type error and null for anything else.</summary>
    public IReadOnlyList<JsonElement>? Array(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(PointerOf(name), ValidationRules.Type, "Must be an array.");
            return null;
        }

        return [.. value.EnumerateArray()];
    }

    public long? Integer(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            Errors.Add(PointerOf(name), ValidationRules.Type, "Must be an integer.");
            return null;
        }

        return number;
    }

    /// <summary>An ISO-8601 duration (see <see cref="IsoDuration"/>); negative values pass, for the caller's bound check.</summary>
    public TimeSpan? Duration(string name)
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        if (!IsoDuration.TryParse(text, out var duration))
        {
            Errors.Add(PointerOf(name), ValidationRules.Duration, $"'{text}' is not an ISO-8601 duration of days, hours, minutes and seconds, such as PT30S, PT1M30S or P1D.");
            return null;
        }

        return duration;
    }

    /// <summary>An RFC 3339 date-time with an explicit offset, returned in UTC.</summary>
    public DateTimeOffset? Instant(string name)
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        // The offset is required: an instant without one would silently depend on the server's zone.
        if (!InstantRegex().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            Errors.Add(PointerOf(name), ValidationRules.DateTime, $"'{text}' is not a date-time with an offset, such as 2026-12-01T08:00:00Z.");
            return null;
        }

        return instant.ToUniversalTime();
    }

    [GeneratedRegex(
        @"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,7})?(?:Z|[+-][0-9]{2}:[0-9]{2})$",
        RegexOptions.CultureInvariant)]
    private static partial Regex InstantRegex();
}
