namespace FunctionScheduler.Contracts;

/// <summary>What an import did (or, in a dry run, would do) with one line.</summary>
public enum ImportOutcome
{
    /// <summary>No task had the line's id: it is created.</summary>
    Created,

    /// <summary>The task exists and the line differs from it: it is replaced (a new version and generation).</summary>
    Changed,

    /// <summary>The task exists and equals the line: nothing is written.</summary>
    Unchanged,

    /// <summary>The line could not be applied (a change made meanwhile by someone else broke it); see its errors.</summary>
    Failed,
}
