using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Standalone.Dispatching;

/// <summary>
/// How long a claim must hold: long enough for every claimed occurrence to be fired one after another, each with
/// its worst case (all attempts timing out, with the retry policy's delays), so that a slow target is never taken
/// over by another instance while this one is still calling it. Never shorter than the configured lease.
/// </summary>
internal static class ClaimLeases
{
    /// <summary>The longest one fire of <paramref name="target"/> can take (<see cref="HttpTarget.LongestCall"/>).</summary>
    public static TimeSpan WorstFire(HttpTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.LongestCall;
    }

    /// <summary>The lease for claiming <paramref name="dueCount"/> occurrences of a task with <paramref name="target"/>.</summary>
    public static TimeSpan For(HttpTarget target, int dueCount, TimeSpan minimum)
    {
        var needed = WorstFire(target) * Math.Max(1, dueCount);
        return needed > minimum ? needed : minimum;
    }
}
