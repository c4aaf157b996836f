using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;

namespace FunctionScheduler.Core.Validation;

/// <summary>
/// Reads "target.success": the accepted statuses (codes, "200-204" ranges, "2xx" classes), an optional body check
/// (contains a text, or a JSON pointer equals a value) and whether a failed body check is retried.
/// </summary>
internal static class SuccessReader
{
    private static readonly FrozenSet<string> Names = FrozenSet.ToFrozenSet(["statuses", "body", "retry"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> BodyNames = FrozenSet.ToFrozenSet(["contains", "jsonPointer", "equals"], StringComparer.Ordinal);

    private const int MinStatus = 100;
    private const int MaxStatus = 599;

    public static ResponseCheck Read(JsonObjectReader source)
    {
        source.RejectUnknown(Names);
        var statuses = ReadStatuses(source);
        var check = source.Object("body") is { } body ? ReadBody(body) : ResponseCheck.Default;
        return check with
        {
            Statuses = statuses ?? ResponseCheck.Default.Statuses,
            Retry = source.Boolean("retry") ?? false,
        };
    }

    private static List<StatusRange>? ReadStatuses(JsonObjectReader source)
    {
        if (source.Array("statuses") is not { } items)
        {
            return null;
        }

        var pointer = source.PointerOf("statuses");
        if (items.Count == 0)
        {
            source.Errors.Add(pointer, ValidationRules.MinItems, "Give at least one accepted status, or leave 'statuses' out for any 2xx.");
        }
        else if (items.Count > ResponseCheck.MaxStatuses)
        {
            source.Errors.Add(pointer, ValidationRules.MaxItems, $"At most {ResponseCheck.MaxStatuses.ToString(CultureInfo.InvariantCulture)} statuses.");
        }

        var ranges = new List<StatusRange>();
        for (var i = 0; i < items.Count; i++)
        {
            if (ReadStatus(items[i]) is { } range)
            {
                ranges.Add(range);
            }
            else
            {
                source.Errors.Add(
                    FieldErrors.PointerOf(pointer, i.ToString(CultureInfo.InvariantCulture)),
                    ValidationRules.Status,
                    $"{items[i].GetRawText()} is not a status from {MinStatus} to {MaxStatus} (204), a range of them (\"200-204\") or a class (\"2xx\").");
            }
        }

        return ranges;
    }

    private static StatusRange? ReadStatus(JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.Number)
        {
            return item.TryGetInt32(out var code) && IsStatus(code) ? new StatusRange(code, code) : null;
        }

        if (item.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = item.GetString()!;
        if (text.Length == 3 && text[0] is >= '1' and <= '5' && text[1..].Equals("xx", StringComparison.OrdinalIgnoreCase))
        {
            var low = (text[0] - '0') * 100;
            return new StatusRange(low, low + 99);
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var first = Code(dash < 0 ? text : text[..dash]);
        var last = dash < 0 ? first : Code(text[(dash + 1)..]);
        return first is { } a && last is { } b && a <= b ? new StatusRange(a, b) : null;
    }

    private static int? Code(string text) =>
        text.Length == 3 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && IsStatus(code) ? code : null;

    private static bool IsStatus(int code) => code is >= MinStatus and <= MaxStatus;

    private static ResponseCheck ReadBody(JsonObjectReader body)
    {
        body.RejectUnknown(BodyNames);
        var errors = body.Errors;
        var contains = body.String("contains");
        var pointer = body.String("jsonPointer");
        if (body.Has("contains") == body.Has("jsonPointer"))
        {
            errors.Add(body.Pointer, ValidationRules.OneOf, "Give exactly one of 'contains' and 'jsonPointer'.");
        }

        if (contains is not null)
        {
            if (contains.Length == 0)
            {
                errors.Add(body.PointerOf("contains"), ValidationRules.Min, "Must not be empty: every body contains the empty text.");
            }

            Bounds.CheckLength(errors, body.PointerOf("contains"), contains, ResponseCheck.MaxExpectedLength);
        }

        if (pointer is not null && !JsonPointer.TryParse(pointer, out _))
        {
            errors.Add(body.PointerOf("jsonPointer"), ValidationRules.JsonPointer, $"'{pointer}' is not a JSON pointer (RFC 6901): \"\" or \"/name/0\", with '~' written \"~0\" and '/' in a name \"~1\".");
        }

        var expected = ReadExpected(body, pointer is not null || body.Has("jsonPointer"));
        return new ResponseCheck { BodyContains = contains, JsonPointer = pointer, JsonEquals = expected };
    }

    // "equals" holds any JSON value, null included (the one place where a null is a value, not "not given").
    private static string? ReadExpected(JsonObjectReader body, bool withPointer)
    {
        var present = body.TryGetIncludingNull("equals", out var value);
        if (!withPointer)
        {
            if (present)
            {
                body.Errors.Add(body.PointerOf("equals"), ValidationRules.NotApplicable, "'equals' goes with 'jsonPointer'.");
            }

            return null;
        }

        if (!present)
        {
            body.Errors.Add(body.PointerOf("equals"), ValidationRules.Required, "'jsonPointer' needs 'equals': the JSON value it must lead to.");
            return null;
        }

        var compact = Compact(value);
        Bounds.CheckLength(body.Errors, body.PointerOf("equals"), compact, ResponseCheck.MaxExpectedLength);
        return compact;
    }

    private static string Compact(JsonElement value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
