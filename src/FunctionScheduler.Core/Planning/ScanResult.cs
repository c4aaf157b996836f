using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>The scheduled part of a plan, before run-now requests and takeovers are merged in.</summary>
/// <param name="Fired">Scheduled occurrences to fire now, oldest first.</param>
/// <param name="Missed">Occurrences the misfire policy skipped.</param>
/// <param name="Handled">Latest nominal instant fired or skipped: the new cursor; null when none.</param>
/// <param name="Next">The first occurrence left for a later plan.</param>
/// <param name="Completion">Set when no occurrence remains after <paramref name="Fired"/>.</param>
internal sealed record ScanResult(
    IReadOnlyList<Occurrence> Fired,
    MissedRange? Missed,
    DateTimeOffset? Handled,
    Occurrence? Next,
    CompletionReason? Completion)
{
    public static ScanResult Nothing { get; } = new([], null, null, null, null);
}
