using System.Globalization;
using FunctionScheduler.Contracts;

namespace FunctionScheduler.Client;

/// <summary>
/// Every failure the client reports: a problem document the scheduler answered with (RFC 9457), a response without
/// one, a transport failure (<see cref="Status"/> 0), or a definition the client refused before sending it. Field
/// errors carry the JSON pointer into the request body and the stable rule name (see <see cref="ValidationRules"/>).
/// </summary>
public class FunctionSchedulerException : Exception
{
    private static readonly IReadOnlyList<FieldError> NoErrors = [];

    public FunctionSchedulerException()
        : this("The scheduler request failed.")
    {
    }

    public FunctionSchedulerException(string message)
        : this(message, innerException: null)
    {
    }

    public FunctionSchedulerException(string message, Exception? innerException)
        : this(0, problem: null, message, innerException)
    {
    }

    /// <summary>A failure with the given status and, when the response carried one, its problem document.</summary>
    public FunctionSchedulerException(int status, ProblemDocument? problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Problem = problem;
    }

    /// <summary>The HTTP status; 0 when no response came (connection, timeout) or the client refused the request itself.</summary>
    public int Status { get; }

    /// <summary>The problem document, when there was one.</summary>
    public ProblemDocument? Problem { get; }

    /// <summary>The problem type URI (see <see cref="ProblemTypes"/>), or null.</summary>
    public string? ProblemType => Problem?.Type;

    /// <summary>Every broken rule, in the order the server (or the client's own check) found them.</summary>
    public IReadOnlyList<FieldError> Errors => Problem?.Errors ?? NoErrors;

    /// <summary>Whether the request broke validation rules (on the server, or before it was sent).</summary>
    public bool IsValidation => ProblemType == ProblemTypes.Validation;

    /// <summary>The broken rules at <paramref name="pointer"/> (a JSON pointer such as "/schedule/cron").</summary>
    public IReadOnlyList<FieldError> ErrorsAt(string pointer) =>
        [.. Errors.Where(error => string.Equals(error.Pointer, pointer, StringComparison.Ordinal))];

    /// <summary>The exception for a definition the client refused before sending it.</summary>
    public static FunctionSchedulerException Invalid(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problem = new ProblemDocument
        {
            Type = ProblemTypes.Validation,
            Title = "The task definition is not valid.",
            Status = 400,
            Errors = errors,
        };
        return new FunctionSchedulerException(0, problem, Describe(problem));
    }

    /// <summary>The message for a response: its problem's detail, else its title, else the status alone.</summary>
    internal static string Describe(ProblemDocument problem)
    {
        var first = problem.Errors is [var error, ..] ? $" {(error.Pointer.Length == 0 ? "(body)" : error.Pointer)}: {error.Message}" : string.Empty;
        return problem.Detail is { } detail
            ? $"{problem.Status.ToString(CultureInfo.InvariantCulture)} {problem.Title} {detail}"
            : $"{problem.Status.ToString(CultureInfo.InvariantCulture)} {problem.Title}{first}";
    }
}
