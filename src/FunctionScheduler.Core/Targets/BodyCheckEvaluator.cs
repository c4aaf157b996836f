using System.Globalization;
using System.Text.Json;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// Checks a response body against a task's <see cref="ResponseCheck"/>: contains a text, or has a JSON value at a
/// pointer. Pure; the invoker reads the body (at most <see cref="MaxCheckedChars"/> characters) and calls it, and
/// stand-in targets in tests call it the same way.
/// </summary>
public static class BodyCheckEvaluator
{
    /// <summary>Most characters of a body read for a check: a "contains" looks only this far; JSON must end within it.</summary>
    public const int MaxCheckedChars = 64 * 1024;

    // A failure message quotes at most this much of what the target sent.
    private const int MaxQuotedChars = 100;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };

    /// <summary>
    /// Null when <paramref name="body"/> passes the check (or there is none), else why it failed, for the run's
    /// error. <paramref name="complete"/> says whether <paramref name="body"/> is the whole body or its first
    /// <see cref="MaxCheckedChars"/> characters; a null body is an empty one, or one that could not be read.
    /// </summary>
    public static string? Failure(ResponseCheck check, string? body, bool complete)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.BodyContains is { } expected)
        {
            return body is not null && body.Contains(expected, StringComparison.Ordinal) ? null
                : body is null ? $"The response body is {(complete ? "empty" : "unreadable")}; it must contain {Quote(expected)}."
                : complete ? $"The response body does not contain {Quote(expected)}."
                : $"The first {MaxCheckedChars.ToString(CultureInfo.InvariantCulture)} characters of the response body do not contain {Quote(expected)}.";
        }

        return check.JsonPointer is { } pointer ? JsonFailure(pointer, check.JsonEquals ?? "null", body, complete) : null;
    }

    private static string? JsonFailure(string pointer, string expectedJson, string? body, bool complete)
    {
        if (!complete)
        {
            return $"The response body is {(body is null ? "unreadable" : $"longer than {MaxCheckedChars.ToString(CultureInfo.InvariantCulture)} characters")}; it must be JSON with {expectedJson} at '{pointer}'.";
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body ?? "", ParseOptions);
        }
        catch (JsonException)
        {
            return $"The response body is not JSON; it must have {expectedJson} at '{pointer}'.";
        }

        using (document)
        using (var expected = JsonDocument.Parse(expectedJson))
        {
            if (!JsonPointer.TryParse(pointer, out var tokens) || Resolve(document.RootElement, tokens) is not { } actual)
            {
                return $"The response body has no value at '{pointer}'; it must be {expectedJson}.";
            }

            return JsonElement.DeepEquals(actual, expected.RootElement)
                ? null
                : $"The response body has {Cut(actual.GetRawText())} at '{pointer}'; it must be {expectedJson}.";
        }
    }

    private static JsonElement? Resolve(JsonElement element, IReadOnlyList<string> tokens)
    {
        foreach (var token in tokens)
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(token, out var property))
            {
                element = property;
            }
            else if (element.ValueKind == JsonValueKind.Array && IsIndex(token) && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                return null;
            }
        }

        return element;
    }

    // RFC 6901: an array index is "0" or digits without a leading zero.
    private static bool IsIndex(string token) =>
        token.Length > 0 && token.All(char.IsAsciiDigit) && (token.Length == 1 || token[0] != '0');

    private static string Quote(string text) => "'" + Cut(text) + "'";

    private static string Cut(string text) => text.Length <= MaxQuotedChars ? text : text[..MaxQuotedChars] + "…";
}
