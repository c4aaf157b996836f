namespace FunctionScheduler.Contracts;

/// <summary>The answer of POST /api/tasks/import when every line is valid: what each line did or would do.</summary>
public sealed record ImportReport
{
    /// <summary>True when nothing was written (?dryRun=true).</summary>
    public required bool DryRun { get; init; }

    public required int Created { get; init; }

    public required int Changed { get; init; }

    public required int Unchanged { get; init; }

    /// <summary>Lines a concurrent change broke between validation and writing (never in a dry run).</summary>
    public required int Failed { get; init; }

    /// <summary>One entry per non-blank line, in order.</summary>
    public required IReadOnlyList<ImportLineReport> Lines { get; init; }
}

/// <summary>One line of an import.</summary>
/// <param name="Line">The 1-based line number in the request body.</param>
/// <param name="Id">The task id the line names.</param>
/// <param name="Outcome">What the import did (or would do) with it.</param>
/// <param name="Changes">For a changed task, the JSON pointers of the fields the line changes.</param>
/// <param name="Errors">For a failed line, why.</param>
public sealed record ImportLineReport(
    int Line,
    string Id,
    ImportOutcome Outcome,
    IReadOnlyList<string>? Changes = null,
    IReadOnlyList<FieldError>? Errors = null);
