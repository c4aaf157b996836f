using System.Globalization;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage.Tables;

// A target's success check as stored. Definitions stored before checks existed have none and read as the default
// (2xx, no body check), which is what they meant.
internal sealed record ResponseCheckDocument(
    IReadOnlyList<string> Statuses,
    string? BodyContains,
    string? JsonPointer,
    string? JsonEquals,
    bool Retry)
{
    // The default is not stored, so a definition that never set a check stays byte-for-byte what it was.
    public static ResponseCheckDocument? From(ResponseCheck check) => check == ResponseCheck.Default
        ? null
        : new([.. check.Statuses.Select(range => range.ToString())], check.BodyContains, check.JsonPointer, check.JsonEquals, check.Retry);

    public ResponseCheck ToModel() => new()
    {
        Statuses = [.. Statuses.Select(ParseRange)],
        BodyContains = BodyContains,
        JsonPointer = JsonPointer,
        JsonEquals = JsonEquals,
        Retry = Retry,
    };

    // Written by StatusRange.ToString: "204" or "200-299".
    private static StatusRange ParseRange(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? new StatusRange(Parse(text), Parse(text))
            : new StatusRange(Parse(text[..dash]), Parse(text[(dash + 1)..]));
    }

    private static int Parse(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
