namespace FunctionScheduler.Contracts;

/// <summary>Outcome of one run.</summary>
public enum RunStatus
{
    /// <summary>The target answered 2xx.</summary>
    Succeeded,

    /// <summary>Every attempt failed, or the target was refused; the run's <see cref="RunErrorClass"/> says how.</summary>
    Failed,

    /// <summary>Occurrences skipped by the misfire policy; one record summarises a range.</summary>
    Missed,
}
