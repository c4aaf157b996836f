namespace FunctionScheduler.Core.Model;

/// <summary>
/// Retries of one fire's HTTP call: exponential backoff with jitter on connection errors, timeouts, 408, 429 and 5xx,
/// honouring Retry-After, bounded by attempts and by total time.
/// </summary>
public sealed record TargetRetryPolicy
{
    /// <summary>Three attempts, 1 s first delay, 30 s longest delay, 2 minutes in all.</summary>
    public static readonly TargetRetryPolicy Default = new();

    /// <summary>Attempts in all, the first included (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Delay before the first retry; doubles after each.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single delay, Retry-After included.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>No retry starts after this much time since the first attempt began.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(2);
}
