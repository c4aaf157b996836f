using System.Diagnostics.CodeAnalysis;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Api.Representations;

/// <summary>Maps a task's backfill to its wire type; what the planner keeps for itself (the run-log look-ahead) stays internal.</summary>
[SuppressMessage("Naming", "CA1708", Justification = "The analyzer reads every extension block as a member named 'extension'.")]
public static class BackfillMapping
{
    extension(BackfillRepresentation)
    {
        /// <summary>The representation of <paramref name="backfill"/>.</summary>
        public static BackfillRepresentation From(BackfillState backfill)
        {
            ArgumentNullException.ThrowIfNull(backfill);
            return new BackfillRepresentation
            {
                From = backfill.From,
                To = backfill.To,
                Limit = backfill.Limit,
                RetryFailed = backfill.RetryFailed,
                Status = backfill.Status,
                Generation = backfill.Generation,
                Occurrences = backfill.Occurrences,
                Fired = backfill.Fired,
                Skipped = backfill.Skipped,
                Through = backfill.Cursor,
                RequestedAt = backfill.RequestedAt,
                EndedAt = backfill.EndedAt,
            };
        }
    }
}
