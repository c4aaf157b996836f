using Cronos;

namespace FunctionScheduler.Core.Validation;

/// <summary>
/// The cron dialect tasks use: Cronos syntax with 5 fields, or 6 with seconds first; Quartz's '?' reads as '*'.
/// The reader and the planner both parse through here so that they can never disagree on what an expression means.
/// </summary>
public static class CronSyntax
{
    // Any fixed instant works: a cron has no year field, so one that fires never after 2000 fires never at all.
    private static readonly DateTime NeverProbe = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly char[] FieldSeparators = [' ', '\t'];

    /// <summary>
    /// The expression with its fields separated by single spaces: what the reader stores. Null when it has
    /// neither 5 nor 6 fields.
    /// </summary>
    public static string? Normalize(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(FieldSeparators, StringSplitOptions.RemoveEmptyEntries);
        return fields.Length is 5 or 6 ? string.Join(' ', fields) : null;
    }

    /// <summary>Parses an expression that <see cref="Normalize"/> accepts; throws <see cref="CronFormatException"/> otherwise.</summary>
    public static CronExpression Parse(string expression)
    {
        var normalized = Normalize(expression)
            ?? throw new CronFormatException("A cron expression has 5 fields, or 6 with seconds first.");
        var format = normalized.Count(c => c == ' ') == 5 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.Parse(normalized, format);
    }

    /// <summary>
    /// Parses <paramref name="expression"/> and checks that it can fire at all (a 31st of February never does).
    /// Returns null when it is fine, otherwise a sentence saying what is wrong.
    /// </summary>
    public static string? Check(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (Normalize(expression) is null)
        {
            return "A cron expression has 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first.";
        }

        CronExpression parsed;
        try
        {
            parsed = Parse(expression);
        }
        catch (CronFormatException exception)
        {
            return exception.Message;
        }

        return parsed.GetNextOccurrence(NeverProbe) is null
            ? "The cron expression never fires (no date matches its day and month fields)."
            : null;
    }
}
