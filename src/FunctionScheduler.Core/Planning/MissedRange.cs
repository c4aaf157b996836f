namespace FunctionScheduler.Core.Planning;

/// <summary>Scheduled occurrences skipped by the misfire policy, summarised.</summary>
/// <param name="First">Nominal instant of the earliest skipped occurrence.</param>
/// <param name="Last">Nominal instant of the latest skipped occurrence.</param>
/// <param name="Count">How many were skipped; when <paramref name="CountIsExact"/> is false, at least this many.</param>
/// <param name="CountIsExact">False when counting was cut short to keep planning bounded.</param>
public sealed record MissedRange(DateTimeOffset First, DateTimeOffset Last, int Count, bool CountIsExact);
