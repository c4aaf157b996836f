using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Api;

/// <summary>The problem documents the API answers with: one place, so every route says the same thing the same way.</summary>
public static class Problems
{
    /// <summary>Problem type URIs (defined in the contracts, <see cref="ProblemTypes"/>); stable, so clients can switch on them.</summary>
    public const string ValidationType = ProblemTypes.Validation;
    public const string NotFoundType = ProblemTypes.NotFound;
    public const string ConflictType = ProblemTypes.Conflict;
    public const string UnavailableType = ProblemTypes.Unavailable;

    /// <summary>
    /// Most errors a problem lists. A body can break a rule many thousand times (a property per byte); the list
    /// keeps the first ones found and <see cref="ProblemDocument.ErrorCount"/> the total, so the answer stays small.
    /// </summary>
    public const int MaxListedErrors = 50;

    public static ApiResponse Validation(IReadOnlyList<FieldError> errors) => new(400, new ProblemDocument
    {
        Type = ValidationType,
        Title = "The request is not valid.",
        Status = 400,
        Detail = errors.Count == 1
            ? $"{Describe(errors[0])}."
            : $"{errors.Count} fields break a rule; see 'errors'. First: {Describe(errors[0])}.",
        Errors = Listed(errors),
        ErrorCount = errors.Count,
    });

    public static ApiResponse Validation(string pointer, string rule, string message) =>
        Validation([new FieldError(pointer, rule, message)]);

    public static ApiResponse TaskNotFound(string taskId) => new(404, new ProblemDocument
    {
        Type = NotFoundType,
        Title = "No such task.",
        Status = 404,
        Detail = $"No task has the id '{taskId}'.",
    });

    /// <summary>A task that exists lacks what the route names (a backfill, a version).</summary>
    public static ApiResponse NotFound(string title, string detail) => new(404, new ProblemDocument
    {
        Type = NotFoundType,
        Title = title,
        Status = 404,
        Detail = detail,
    });

    public static ApiResponse Conflict(string detail, IReadOnlyList<FieldError>? errors = null) => new(409, new ProblemDocument
    {
        Type = ConflictType,
        Title = "The request conflicts with the task's current state.",
        Status = 409,
        Detail = detail,
        Errors = errors is null ? null : Listed(errors),
        ErrorCount = errors?.Count,
    });

    public static ApiResponse Unavailable(string detail) => new(503, new ProblemDocument
    {
        Type = UnavailableType,
        Title = "The task index is unavailable.",
        Status = 503,
        Detail = detail,
    });

    private static IReadOnlyList<FieldError> Listed(IReadOnlyList<FieldError> errors) =>
        errors.Count <= MaxListedErrors ? errors : [.. errors.Take(MaxListedErrors)];

    private static string Describe(FieldError error) =>
        (error.Line is { } line ? $"line {line.ToString(System.Globalization.CultureInfo.InvariantCulture)}: " : string.Empty)
        + $"{(error.Pointer.Length == 0 ? (error.Line is null ? "the body" : "the line") : error.Pointer)} breaks rule '{error.Rule}': {error.Message.TrimEnd('.')}";
}
