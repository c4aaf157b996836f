namespace FunctionScheduler.Contracts;

/// <summary>One broken rule: where (a JSON pointer into the request body, RFC 6901), which rule, and a sentence for people.</summary>
/// <param name="Pointer">JSON pointer of the offending field, e.g. "/schedule/timeZone"; "" for the whole body.</param>
/// <param name="Rule">Stable rule name clients can switch on, e.g. "cron", "time-zone", "required", "unknown-property".</param>
/// <param name="Message">What is wrong and what would be right.</param>
public sealed record FieldError(string Pointer, string Rule, string Message)
{
    /// <summary>
    /// For a body of JSON lines (an import): the 1-based line the pointer is into. Absent for a JSON body.
    /// </summary>
    public int? Line { get; init; }
}
