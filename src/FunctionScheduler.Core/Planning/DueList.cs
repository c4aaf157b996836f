using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// The due occurrences of one plan in order, without duplicates. Two entries are the same occurrence when their
/// nominal instant and kind agree: that pair is what the run id is made of.
/// </summary>
internal sealed class DueList
{
    private readonly HashSet<(long Ticks, OccurrenceKind Kind)> _seen = [];
    private readonly List<Occurrence> _occurrences = [];

    public IReadOnlyList<Occurrence> Occurrences => _occurrences;

    /// <summary>Adds <paramref name="occurrence"/> unless it is due or in flight already.</summary>
    public void TryAdd(Occurrence occurrence)
    {
        if (_seen.Add(KeyOf(occurrence)))
        {
            _occurrences.Add(occurrence);
        }
    }

    /// <summary>Marks an occurrence another runtime holds, so it is not claimed twice.</summary>
    public void Reserve(Occurrence occurrence) => _seen.Add(KeyOf(occurrence));

    private static (long, OccurrenceKind) KeyOf(Occurrence occurrence) => (occurrence.ScheduledAt.UtcTicks, occurrence.Kind);
}
