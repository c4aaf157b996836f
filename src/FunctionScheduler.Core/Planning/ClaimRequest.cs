namespace FunctionScheduler.Core.Planning;

/// <summary>Who is claiming due occurrences, and for how long the claim holds before another runtime may take it over.</summary>
public sealed record ClaimRequest(string Claimant, TimeSpan Lease);
