using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// The due occurrences of one plan in order, each with the generation it is claimed in, without duplicates. Two
/// entries are the same when their nominal instant, kind and generation agree: that is what the run id is made of.
/// </summary>
internal sealed class DueList
{
    private readonly HashSet<(long Ticks, OccurrenceKind Kind, long Generation)> _seen = [];
    private readonly List<Occurrence> _occurrences = [];
    private readonly List<long> _generations = [];

    public IReadOnlyList<Occurrence> Occurrences => _occurrences;

    /// <summary>The generation of each of <see cref="Occurrences"/>, in the same order.</summary>
    public IReadOnlyList<long> Generations => _generations;

    /// <summary>Adds <paramref name="occurrence"/> of <paramref name="generation"/> unless it is due or in flight already.</summary>
    public void TryAdd(Occurrence occurrence, long generation)
    {
        if (_seen.Add(KeyOf(occurrence, generation)))
        {
            _occurrences.Add(occurrence);
            _generations.Add(generation);
        }
    }

    /// <summary>Marks an occurrence another runtime holds, so it is not claimed twice.</summary>
    public void Reserve(Occurrence occurrence, long generation) => _seen.Add(KeyOf(occurrence, generation));

    private static (long, OccurrenceKind, long) KeyOf(Occurrence occurrence, long generation) =>
        (occurrence.ScheduledAt.UtcTicks, occurrence.Kind, generation);
}
