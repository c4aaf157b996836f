using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Validation;

/// <summary>
/// Reads the body of a schedule preview: <c>{"schedule": {...}, "count": 10, "after": "...", "id": "..."}</c>. The
/// schedule goes through the same <see cref="ScheduleReader"/> as a task's, so it meets the same rules and its problems
/// carry the same pointers (<c>/schedule/cron</c>).
/// </summary>
public static class SchedulePreviewReader
{
    /// <summary>Occurrences listed when the body gives no count.</summary>
    public const int DefaultCount = 10;

    /// <summary>Most occurrences one preview lists.</summary>
    public const int MaxCount = 100;

    private static readonly FrozenSet<string> RootNames = FrozenSet.ToFrozenSet(["schedule", "count", "after", "id"], StringComparer.Ordinal);

    /// <summary>The request, or every broken rule.</summary>
    public static ReadResult<SchedulePreviewQuery> Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > DefinitionLimits.MaxDocumentBytes)
        {
            return Fail(string.Empty, ValidationRules.MaxLength, $"The body must be at most {DefinitionLimits.MaxDocumentBytes.ToString(CultureInfo.InvariantCulture)} bytes.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray());
        }
        catch (JsonException exception)
        {
            return Fail(string.Empty, ValidationRules.Json, "The body is not valid JSON: " + exception.Message);
        }

        using (document)
        {
            var errors = new FieldErrors();
            if (JsonObjectReader.Open(document.RootElement, string.Empty, errors) is not { } root)
            {
                return ReadResult<SchedulePreviewQuery>.Invalid(errors.Items);
            }

            root.RejectUnknown(RootNames);
            root.Require("schedule");
            var schedule = root.Object("schedule") is { } scheduleObject ? ScheduleReader.Read(scheduleObject, fullForm: true) : null;
            var count = root.Integer("count");
            Bounds.Check(errors, root.PointerOf("count"), count, 1, MaxCount);
            var after = root.Instant("after");
            var id = root.String("id");
            if (id is not null && !TaskId.IsValid(id))
            {
                errors.Add(root.PointerOf("id"), ValidationRules.Pattern, $"'{id}' does not match {TaskId.Pattern}.");
            }

            return errors.Count == 0 && schedule is not null
                ? ReadResult<SchedulePreviewQuery>.Valid(new SchedulePreviewQuery(schedule, (int?)count ?? DefaultCount, after, id))
                : ReadResult<SchedulePreviewQuery>.Invalid(errors.Items);
        }
    }

    /// <summary>Reads the <c>?count=</c> of a task's occurrences; errors point at "?count".</summary>
    public static int? ReadCount(string? text, out FieldError? error)
    {
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            return DefaultCount;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxCount)
        {
            return count;
        }

        error = new FieldError("?count", "range", $"The count is a whole number from 1 to {MaxCount.ToString(CultureInfo.InvariantCulture)}.");
        return null;
    }

    private static ReadResult<SchedulePreviewQuery> Fail(string pointer, string rule, string message) =>
        ReadResult<SchedulePreviewQuery>.Invalid([new FieldError(pointer, rule, message)]);
}

/// <summary>A validated preview request.</summary>
/// <param name="Schedule">The schedule, normalized as a task's would be.</param>
/// <param name="Count">How many occurrences, 1 to <see cref="SchedulePreviewReader.MaxCount"/>.</param>
/// <param name="After">List occurrences after this instant; the server's now when null.</param>
/// <param name="Id">The task id whose jitter to apply, if any.</param>
public sealed record SchedulePreviewQuery(TaskSchedule Schedule, int Count, DateTimeOffset? After, string? Id);
