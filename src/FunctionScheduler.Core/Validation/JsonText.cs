using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace FunctionScheduler.Core.Validation;

/// <summary>
/// Checks that a body is JSON text whose every string can be read. RFC 8259 requires UTF-8, but System.Text.Json
/// parses a string holding invalid UTF-8, or an escaped lone surrogate such as <c>"\ud800"</c>, and fails only when
/// the string is read: a crash at whichever field held it. Checked once, before anything reads a field.
/// </summary>
internal static class JsonText
{
    /// <summary>Why <paramref name="utf8Json"/> is not readable JSON text, or null when it is.</summary>
    public static string? Problem(ReadOnlySpan<byte> utf8Json)
    {
        if (!Utf8.IsValid(utf8Json))
        {
            return $"byte {FirstInvalidByte(utf8Json).ToString(CultureInfo.InvariantCulture)} is not valid UTF-8 (JSON text is UTF-8).";
        }

        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String
                    && reader.ValueIsEscaped && !Unescapes(ref reader))
                {
                    return $"the string at byte {reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture)} escapes a lone surrogate (a \\uD800-\\uDFFF escape without its pair), which is no character.";
                }
            }
        }
        catch (JsonException exception)
        {
            return exception.Message;
        }

        return null;
    }

    // Valid UTF-8 unescapes to text unless an escape names half a surrogate pair; the reader then throws.
    private static bool Unescapes(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static long FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length && Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }
}
