namespace FunctionScheduler.Core.Model;

/// <summary>
/// An occurrence a runtime has claimed and not yet recorded. The claim lapses at <see cref="ExpiresAt"/>, after
/// which another runtime may take it over; the claimant itself may always finish it (a retried activity, say).
/// </summary>
public sealed record ClaimedOccurrence(Occurrence Occurrence, string ClaimedBy, DateTimeOffset ExpiresAt, long Generation);
