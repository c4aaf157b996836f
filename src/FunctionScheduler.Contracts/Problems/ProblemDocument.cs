namespace FunctionScheduler.Contracts;

/// <summary>An RFC 9457 problem details body. Both hosts write it as application/problem+json.</summary>
public sealed record ProblemDocument
{
    /// <summary>A URI naming the problem type; "about:blank" when the status says it all.</summary>
    public string Type { get; init; } = "about:blank";

    public required string Title { get; init; }

    public required int Status { get; init; }

    public string? Detail { get; init; }

    public string? Instance { get; init; }

    /// <summary>
    /// Extension member: the broken rules, at most the first 50 found (the API's cap, so an answer stays small);
    /// <see cref="ErrorCount"/> says how many there are in all.
    /// </summary>
    public IReadOnlyList<FieldError>? Errors { get; init; }

    /// <summary>Extension member: how many rules are broken in all, beside <see cref="Errors"/>; absent when there is no list.</summary>
    public int? ErrorCount { get; init; }
}
