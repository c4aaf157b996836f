namespace FunctionScheduler.Core.Model;

/// <summary>
/// What happens to occurrences whose fire time passed more than <see cref="TaskSchedule.MisfireGrace"/> ago
/// (after downtime, a long pause of the host, or a slow previous run). Occurrences within the grace time always fire.
/// </summary>
public enum MisfirePolicy
{
    /// <summary>Missed occurrences are skipped; the task goes on with the next one still within grace or in the future.</summary>
    Skip,

    /// <summary>All missed occurrences collapse into one fire now (of the latest missed occurrence). The default.</summary>
    FireOnce,

    /// <summary>
    /// Each missed occurrence fires, oldest first, but at most <see cref="TaskSchedule.CatchUpLimit"/> of them:
    /// the most recent ones are kept and older ones skipped.
    /// </summary>
    CatchUp,
}
