using System.Collections.Frozen;
using Cronos;

namespace FunctionScheduler.Core.Validation;

/// <summary>
/// The cron dialect tasks use: Cronos syntax with 5 fields, or 6 with seconds first; Quartz's '?' reads as '*';
/// Cronos' macros (<c>@daily</c>, ...). The reader and the planner both parse through here so that they can never
/// disagree on what an expression means.
/// </summary>
public static class CronSyntax
{
    // Any fixed instant works: a cron has no year field, so one that fires never after 2000 fires never at all.
    private static readonly DateTime NeverProbe = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly char[] FieldSeparators = [' ', '\t'];

    // Cronos' macros and the fields each stands for (Cronos defines them by parsing exactly these). Matched without
    // regard to case, as Cronos does; stored in lower case.
    private static readonly FrozenDictionary<string, string> MacroFields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
        ["@every_minute"] = "* * * * *",
        ["@every_second"] = "* * * * * *",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The macros accepted, in lower case.</summary>
    public static IEnumerable<string> Macros => MacroFields.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// The expression as the reader stores it: fields separated by single spaces, or a macro in lower case. Null when
    /// it has neither 5 nor 6 fields and is not a known macro.
    /// </summary>
    public static string? Normalize(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(FieldSeparators, StringSplitOptions.RemoveEmptyEntries);
        return fields switch
        {
            [var macro] when MacroFields.ContainsKey(macro) => macro.ToLowerInvariant(),
            { Length: 5 or 6 } => string.Join(' ', fields),
            _ => null,
        };
    }

    /// <summary>Parses an expression that <see cref="Normalize"/> accepts; throws <see cref="CronFormatException"/> otherwise.</summary>
    public static CronExpression Parse(string expression)
    {
        var fields = FieldsOf(expression);
        var format = fields.Count(c => c == ' ') == 5 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        try
        {
            return CronExpression.Parse(fields, format);
        }
        catch (MissingSeedException exception)
        {
            // 'H' (a hashed value) needs a seed Cronos is never given here: a format error like any other.
            throw new CronFormatException("'H' (a hashed value) is not supported.", exception);
        }
    }

    /// <summary>
    /// True when the expression's seconds, minutes or hours field is interval-like (<c>*</c>, <c>?</c>, a step or a
    /// range): such an expression fires again in the second pass of a repeated local hour (docs/semantics-planning.md).
    /// Expects an expression <see cref="Normalize"/> accepts.
    /// </summary>
    public static bool RepeatsInOverlap(string expression)
    {
        var fields = FieldsOf(expression).Split(' ');
        var timeOfDayFields = fields.Length == 6 ? 3 : 2;
        return fields.Take(timeOfDayFields).Any(field => field.AsSpan().IndexOfAny("*?/-") >= 0);
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
            return "A cron expression has 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first, "
                + "or is one of the macros " + string.Join(", ", Macros) + ".";
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

    // The fields an expression stands for, single-spaced: a macro's expansion, or the expression's own fields.
    private static string FieldsOf(string expression)
    {
        var normalized = Normalize(expression)
            ?? throw new CronFormatException("A cron expression has 5 fields, or 6 with seconds first, or is a macro.");
        return MacroFields.TryGetValue(normalized, out var fields) ? fields : normalized;
    }
}
