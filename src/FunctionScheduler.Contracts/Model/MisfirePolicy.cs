namespace FunctionScheduler.Contracts;

/// <summary>
/// What happens to occurrences whose fire time passed more than the schedule's misfire grace ago
/// (after downtime, a long pause of the host, or a slow previous run). Occurrences within the grace time always fire.
/// </summary>
public enum MisfirePolicy
{
    /// <summary>Missed occurrences are skipped; the task goes on with the next one still within grace or in the future.</summary>
    Skip,

    /// <summary>All missed occurrences collapse into one fire now (of the latest missed occurrence). The default.</summary>
    FireOnce,

    /// <summary>
    /// Each missed occurrence fires, oldest first, but at most the schedule's catch-up limit of them:
    /// the most recent ones are kept and older ones skipped.
    /// </summary>
    CatchUp,
}
