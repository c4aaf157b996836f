namespace FunctionScheduler.Benchmarks.Load;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile of <paramref name="values"/> (0 &lt; p &lt;= 100); NaN when empty.</summary>
    public static double Of(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
