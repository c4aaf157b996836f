namespace FunctionScheduler.Core.Planning;

/// <summary>
/// The jitter added to a scheduled occurrence: a whole number of milliseconds in [0, max jitter], a pure function
/// of the task id and the occurrence's nominal UTC instant. Every process, replay and retry computes the same
/// value, so an occurrence keeps its fire time and run id wherever it is planned.
/// </summary>
public static class OccurrenceJitter
{
    // FNV-1a, 64-bit. Chosen because it is tiny, fixed by specification and independent of the runtime:
    // string.GetHashCode is randomised per process and would move fires between hosts.
    private const ulong FnvOffsetBasis = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>The jitter of the occurrence of task <paramref name="taskId"/> scheduled at <paramref name="scheduledAt"/>.</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="scheduledAt">The occurrence's nominal instant; only its UTC instant matters.</param>
    /// <param name="maxJitter">The task's <see cref="Model.TaskSchedule.Jitter"/>; zero or less means no jitter.</param>
    public static TimeSpan For(string taskId, DateTimeOffset scheduledAt, TimeSpan maxJitter)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return TimeSpan.FromTicks(TicksFor(HashOf(taskId), scheduledAt.UtcTicks, maxJitter.Ticks));
    }

    /// <summary>The id's part of the hash, computed once per plan.</summary>
    internal static ulong HashOf(string taskId)
    {
        var hash = FnvOffsetBasis;
        foreach (var unit in taskId)
        {
            // Both bytes of each UTF-16 code unit, low byte first, as FNV-1a is defined over bytes.
            hash = (hash ^ (byte)unit) * FnvPrime;
            hash = (hash ^ (byte)(unit >> 8)) * FnvPrime;
        }

        return hash;
    }

    /// <summary>
    /// The fire instant (UTC ticks) of the occurrence at <paramref name="utcTicks"/>: plus its jitter, but never past
    /// <see cref="DateTimeOffset.MaxValue"/> (an occurrence in the last hour of year 9999 fires at the limit).
    /// </summary>
    internal static long FireAt(ulong idHash, long utcTicks, long maxJitterTicks) =>
        Saturating.Add(utcTicks, TicksFor(idHash, utcTicks, maxJitterTicks));

    /// <summary>Jitter in ticks (a whole number of milliseconds) for an occurrence at <paramref name="utcTicks"/>.</summary>
    internal static long TicksFor(ulong idHash, long utcTicks, long maxJitterTicks)
    {
        var maxMilliseconds = maxJitterTicks / TimeSpan.TicksPerMillisecond;
        if (maxMilliseconds <= 0)
        {
            return 0;
        }

        var mixed = Mix(idHash ^ Mix(unchecked((ulong)utcTicks)));
        return (long)(mixed % (ulong)(maxMilliseconds + 1)) * TimeSpan.TicksPerMillisecond;
    }

    // The 64-bit finaliser of MurmurHash3. Occurrences differ only in a few bits of their ticks, and the modulo
    // below keeps mostly low bits: the finaliser spreads every input bit over the whole word first.
    private static ulong Mix(ulong value)
    {
        value ^= value >> 33;
        value *= 0xff51afd7ed558ccdUL;
        value ^= value >> 33;
        value *= 0xc4ceb93fe53a2a85UL;
        value ^= value >> 33;
        return value;
    }
}
