namespace FunctionScheduler.Core.Planning;

/// <summary>
/// Instant arithmetic that stops at the ends of <see cref="DateTimeOffset"/> instead of throwing: a task planned in
/// the last hours of year 9999 (a lease, a jitter, an interval past the limit) must still get a decision.
/// </summary>
internal static class Saturating
{
    private static readonly long MaxTicks = DateTimeOffset.MaxValue.UtcTicks;

    /// <summary><paramref name="ticks"/> + <paramref name="delta"/>, at most <see cref="DateTimeOffset.MaxValue"/>; for a delta ≥ 0.</summary>
    public static long Add(long ticks, long delta) => ticks > MaxTicks - delta ? MaxTicks : ticks + delta;

    /// <summary><paramref name="ticks"/> − <paramref name="delta"/>, at least long.MinValue (a line before every instant); a delta ≤ 0 subtracts nothing.</summary>
    public static long Subtract(long ticks, long delta) =>
        delta <= 0 ? ticks : ticks < long.MinValue + delta ? long.MinValue : ticks - delta;

    /// <summary><paramref name="instant"/> + <paramref name="delta"/> in UTC, within [MinValue, MaxValue].</summary>
    public static DateTimeOffset Add(DateTimeOffset instant, TimeSpan delta)
    {
        var ticks = instant.UtcTicks;
        var sum = delta >= TimeSpan.Zero
            ? Add(ticks, delta.Ticks)
            : ticks < -delta.Ticks ? 0 : ticks + delta.Ticks;
        return new DateTimeOffset(sum, TimeSpan.Zero);
    }
}
