using System.Globalization;
using System.Text.Json;

namespace FunctionScheduler.Core.Validation;

/// <summary>
/// The first checks of every JSON request body the core reads: its size, UTF-8 and well-formedness (with
/// <see cref="JsonText"/>, which also refuses escaped lone surrogates), each failure a problem at the body (pointer "").
/// </summary>
internal static class JsonBody
{
    /// <summary>The parsed body, or null with <paramref name="error"/> saying why it cannot be read.</summary>
    public static JsonDocument? Parse(ReadOnlySpan<byte> utf8Json, out FieldError error)
    {
        error = null!;
        if (utf8Json.Length > DefinitionLimits.MaxDocumentBytes)
        {
            error = new FieldError(string.Empty, ValidationRules.MaxLength, $"The body must be at most {DefinitionLimits.MaxDocumentBytes.ToString(CultureInfo.InvariantCulture)} bytes.");
            return null;
        }

        if (JsonText.Problem(utf8Json) is { } problem)
        {
            error = new FieldError(string.Empty, ValidationRules.Json, "The body is not valid JSON: " + problem);
            return null;
        }

        try
        {
            return JsonDocument.Parse(utf8Json.ToArray());
        }
        catch (JsonException exception)
        {
            // JsonText read the same bytes with the same rules; this guards against the two ever disagreeing.
            error = new FieldError(string.Empty, ValidationRules.Json, "The body is not valid JSON: " + exception.Message);
            return null;
        }
    }
}
