using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Functions.Activities;

/// <summary>How long an orchestration's claim on an occurrence holds before another claimant may take it over.</summary>
public static class ClaimLease
{
    // Room for the claim, run-record and clearing writes around the HTTP call.
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Long enough for the slowest fire of <paramref name="target"/>: no retry starts after the retry budget, and the
    /// last attempt may then take a full timeout. A shorter lease would let a second instance (a duplicate start)
    /// fire an occurrence that is still being delivered; a longer one only delays taking over an abandoned claim.
    /// </summary>
    public static TimeSpan For(HttpTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Retry.MaxDuration + target.Timeout + Margin;
    }

    /// <summary>
    /// As <see cref="For(HttpTarget)"/> for the task's target, plus its failure action's longest call: a failed run's
    /// notification goes out before its claim is cleared.
    /// </summary>
    public static TimeSpan For(ScheduledTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return For(task.Target) + (task.FailureAction?.LongestCall ?? TimeSpan.Zero);
    }
}
