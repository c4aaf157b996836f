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

    /// <summary>Extension member: every broken rule, for validation problems.</summary>
    public IReadOnlyList<FieldError>? Errors { get; init; }
}
