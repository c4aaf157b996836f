using System.Collections.Frozen;
using System.Globalization;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Validation;

/// <summary>A backfill request as read: the window, the optional cap, whether failed runs fire again.</summary>
public sealed record BackfillWindow(DateTimeOffset From, DateTimeOffset To, int? Limit, bool RetryFailed);

/// <summary>
/// Reads the body of POST /api/tasks/{id}/backfill and checks every rule but the one that needs the task (how many
/// occurrences the window holds). Pure: "now" is the caller's.
/// </summary>
public static class BackfillReader
{
    /// <summary>The earliest start of a window.</summary>
    public static readonly DateTimeOffset EarliestFrom = DateTimeOffset.UnixEpoch;

    private static readonly FrozenSet<string> Names = FrozenSet.ToFrozenSet(["from", "to", "limit", "retryFailed"], StringComparer.Ordinal);

    /// <summary>The request, or every rule it breaks (pointers into the body).</summary>
    public static ReadResult<BackfillWindow> Read(ReadOnlySpan<byte> utf8Json, DateTimeOffset now)
    {
        if (JsonBody.Parse(utf8Json, out var unreadable) is not { } document)
        {
            return ReadResult<BackfillWindow>.Invalid([unreadable]);
        }

        using (document)
        {
            var errors = new FieldErrors();
            if (JsonObjectReader.Open(document.RootElement, string.Empty, errors) is not { } body)
            {
                return ReadResult<BackfillWindow>.Invalid(errors.Items);
            }

            body.RejectUnknown(Names);
            body.Require("from");
            body.Require("to");
            var from = body.Instant("from");
            var to = body.Instant("to");
            var limit = body.Integer("limit");
            Bounds.Check(errors, body.PointerOf("limit"), limit, 1, BackfillState.MaxOccurrences);
            var retryFailed = body.Boolean("retryFailed") ?? false;
            if (from < EarliestFrom)
            {
                errors.Add(body.PointerOf("from"), ValidationRules.Min, "A window starts no earlier than 1970-01-01T00:00:00Z.");
            }

            if (to > now)
            {
                errors.Add(body.PointerOf("to"), ValidationRules.Max, $"A backfill is for the past: 'to' must not be after now ({now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)}).");
            }
            else if (to < from)
            {
                errors.Add(body.PointerOf("to"), ValidationRules.After, "'to' must not be before 'from' (both are included in the window).");
            }

            return errors.Count == 0 && from is { } start && to is { } end
                ? ReadResult<BackfillWindow>.Valid(new BackfillWindow(start, end, (int?)limit, retryFailed))
                : ReadResult<BackfillWindow>.Invalid(errors.Items);
        }
    }
}
