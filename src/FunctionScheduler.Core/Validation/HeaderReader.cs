using System.Collections.Frozen;

namespace FunctionScheduler.Core.Validation;

/// <summary>Reads a header map (headers or secretHeaders) and checks names and values against RFC 9110.</summary>
internal static class HeaderReader
{
    // Headers the scheduler writes itself (run id, signature, trace context) or that belong to the connection,
    // which HttpClient manages. Content-Type is refused here because it has its own property.
    private static readonly FrozenSet<string> Reserved = FrozenSet.ToFrozenSet(
        ["traceparent", "tracestate", "Host", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive",
         "Proxy-Connection", "TE", "Trailer", "Upgrade", "Content-Type"],
        StringComparer.OrdinalIgnoreCase);

    private const string SchedulerPrefix = "X-Scheduler-";

    /// <summary>
    /// Reads <paramref name="property"/> of <paramref name="target"/>. <paramref name="kept"/> is null for plain
    /// headers; for secret headers a null value keeps the value stored under that name, unless there is none or the
    /// target moved to another origin (both errors).
    /// </summary>
    public static Dictionary<string, string> Read(JsonObjectReader target, string property, KeptSecrets? kept)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (target.Object(property) is not { } map)
        {
            return headers;
        }

        foreach (var name in map.Names)
        {
            var pointer = map.PointerOf(name);
            CheckName(map.Errors, pointer, name);
            if (ReadValue(map, name, kept) is not { } value)
            {
                continue;
            }

            if (!headers.TryAdd(name, value))
            {
                map.Errors.Add(pointer, ValidationRules.DuplicateHeader, $"'{name}' is given twice (header names are case-insensitive).");
            }
        }

        return headers;
    }

    /// <summary>Whether <paramref name="text"/> is an RFC 9110 token (header names, methods).</summary>
    public static bool IsToken(string text) => text.Length > 0 && text.All(IsTokenChar);

    private static void CheckName(FieldErrors errors, string pointer, string name)
    {
        if (!IsToken(name))
        {
            errors.Add(pointer, ValidationRules.HeaderToken, $"'{name}' is not a valid header name (an RFC 9110 token: letters, digits and !#$%&'*+-.^_`|~).");
        }
        else if (name.StartsWith(SchedulerPrefix, StringComparison.OrdinalIgnoreCase) || Reserved.Contains(name))
        {
            var message = string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase)
                ? "Set the content type with 'contentType', not as a header."
                : $"'{name}' is set by the scheduler or the HTTP stack and cannot be given.";
            errors.Add(pointer, ValidationRules.ReservedHeader, message);
        }
    }

    private static string? ReadValue(JsonObjectReader map, string name, KeptSecrets? kept)
    {
        var pointer = map.PointerOf(name);
        if (!map.TryGet(name, out _))
        {
            if (kept is null)
            {
                map.Errors.Add(pointer, ValidationRules.Type, "Must be a string.");
                return null;
            }

            // A null secret is what a read returns; putting it back means "keep what is stored".
            if (!kept.Stored.TryGetValue(name, out var stored))
            {
                map.Errors.Add(pointer, ValidationRules.Required, $"Secret header '{name}' has no stored value to keep; give its value.");
                return null;
            }

            if (kept.Moved)
            {
                map.Errors.Add(pointer, ValidationRules.OriginChanged, $"The target moves from {kept.From} to {kept.To}; a stored secret is kept only for the origin it was given for, so give '{name}' again.");
                return null;
            }

            return stored;
        }

        if (map.String(name) is not { } raw)
        {
            return null;
        }

        var value = raw.Trim(' ', '\t');
        if (value.Length > DefinitionLimits.MaxHeaderValueLength)
        {
            Bounds.CheckLength(map.Errors, pointer, value, DefinitionLimits.MaxHeaderValueLength);
            return null;
        }

        if (!value.All(IsValueChar))
        {
            map.Errors.Add(pointer, ValidationRules.HeaderValue, "Header values may hold visible ASCII characters, spaces and tabs only (no CR, LF or other control characters).");
            return null;
        }

        return value;
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    private static bool IsValueChar(char c) => c == '\t' || (c >= ' ' && c <= '~');
}
