using System.Globalization;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Testing.Targets;

namespace FunctionScheduler.Functions.Tests.Engine;

/// <summary>One request a task's target received: which occurrence, with which run id, how late.</summary>
internal sealed record TargetFire(string Path, string RunId, string Kind, DateTimeOffset ScheduledAt, DateTimeOffset ReceivedAt)
{
    public TimeSpan Lateness => ReceivedAt - ScheduledAt;

    public static IReadOnlyList<TargetFire> From(LoopbackTarget target) =>
        [.. target.Requests.Select(r => new TargetFire(
            r.Path,
            r.Header(SchedulerHeaders.RunId)!,
            r.Header(SchedulerHeaders.Kind)!,
            DateTimeOffset.Parse(r.Header(SchedulerHeaders.ScheduledAt)!, CultureInfo.InvariantCulture),
            r.ReceivedAt))];
}

/// <summary>Percentiles of lateness, for the numbers docs/functions.md reports.</summary>
internal static class Lateness
{
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static string Describe(IReadOnlyList<TimeSpan> values) => string.Create(CultureInfo.InvariantCulture,
        $"n={values.Count} p50={Percentile(values, 50).TotalMilliseconds:F0}ms p99={Percentile(values, 99).TotalMilliseconds:F0}ms max={values.Max().TotalMilliseconds:F0}ms min={values.Min().TotalMilliseconds:F0}ms");
}
