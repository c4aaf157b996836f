using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// A zone's UTC offset as a step function of the UTC instant, and the instants where it changes. Everything is read
/// from <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/> with UTC instants, the one conversion .NET gets right in
/// every zone. Its local-time queries (IsInvalidTime, IsAmbiguousTime, GetUtcOffset of a local time) are not: in
/// zones whose tzdata uses negative DST (Europe/Dublin's winter, Morocco's Ramadan time) they report no gap and no
/// overlap at all, so nothing here asks them (docs/semantics-planning.md, "Time zones").
/// </summary>
/// <remarks>
/// Changes are found by sampling the offset once a day and bisecting each day whose ends differ down to the tick.
/// Two changes less than a day apart that cancel out would be missed: the tz database has none (the closest two
/// offset changes in any zone since 1800 are 95 hours apart, Africa/Freetown 1939). Results are cached per block of
/// <see cref="BlockDays"/> days, computed once per zone and block (about 400 offset look-ups).
/// </remarks>
internal sealed class ZoneOffsets
{
    /// <summary>Days per cached block.</summary>
    internal const int BlockDays = 365;

    /// <summary>More than any offset can fall back: .NET offsets lie within ±14 hours, so a change moves by at most 28.</summary>
    internal static readonly long MaxFallBack = TimeSpan.FromHours(28).Ticks;

    private const int MaxZones = 1024;
    private const int MaxBlocksPerZone = 1024;
    private static readonly long BlockTicks = BlockDays * TimeSpan.TicksPerDay;
    private static readonly long MaxTicks = DateTime.MaxValue.Ticks;
    private static readonly ConcurrentDictionary<string, ZoneOffsets> Zones = new(StringComparer.Ordinal);

    private readonly TimeZoneInfo _zone;
    private readonly ConcurrentDictionary<long, Block> _blocks = new();

    // The block used last: consecutive look-ups nearly always fall in the same one. Immutable, so a reader sees
    // either the old block or the new one.
    private Block? _last;

    private ZoneOffsets(TimeZoneInfo zone)
    {
        _zone = zone;

        // Without adjustment rules .NET answers the base offset for every instant.
        Fixed = zone.GetAdjustmentRules().Length == 0 ? zone.BaseUtcOffset.Ticks : null;
    }

    /// <summary>The offset in ticks when the zone never changes it; null otherwise.</summary>
    public long? Fixed { get; }

    /// <summary>The offsets of <paramref name="zone"/>, shared by every calendar in that zone.</summary>
    public static ZoneOffsets For(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Zones.TryGetValue(zone.Id, out var offsets))
        {
            return offsets;
        }

        if (Zones.Count >= MaxZones)
        {
            Zones.Clear();
        }

        return Zones.GetOrAdd(zone.Id, _ => new ZoneOffsets(zone));
    }

    /// <summary>The offset in force at <paramref name="utcTicks"/> (a change applies from its own instant on).</summary>
    public long OffsetAt(long utcTicks)
    {
        if (Fixed is { } offset)
        {
            return offset;
        }

        var block = BlockOf(utcTicks);
        offset = block.StartOffset;
        foreach (var change in block.Changes)
        {
            if (change.At > utcTicks)
            {
                break;
            }

            offset = change.After;
        }

        return offset;
    }

    /// <summary>The first change at an instant in (<paramref name="afterTicks"/>, <paramref name="limit"/>]; null when none.</summary>
    public OffsetChange? FirstChangeAfter(long afterTicks, long limit)
    {
        if (Fixed is not null)
        {
            return null;
        }

        limit = Math.Min(limit, MaxTicks);
        for (var index = IndexOf(afterTicks); index <= IndexOf(limit); index++)
        {
            foreach (var change in BlockAt(index).Changes)
            {
                if (change.At > limit)
                {
                    return null;
                }

                if (change.At > afterTicks)
                {
                    return change;
                }
            }
        }

        return null;
    }

    /// <summary>The last change at an instant in [<paramref name="notBefore"/>, <paramref name="atOrBeforeTicks"/>]; null when none.</summary>
    public OffsetChange? LastChangeAtOrBefore(long atOrBeforeTicks, long notBefore)
    {
        if (Fixed is not null)
        {
            return null;
        }

        notBefore = Math.Max(notBefore, 0);
        for (var index = IndexOf(atOrBeforeTicks); index >= IndexOf(notBefore); index--)
        {
            var changes = BlockAt(index).Changes;
            for (var i = changes.Length - 1; i >= 0; i--)
            {
                if (changes[i].At < notBefore)
                {
                    return null;
                }

                if (changes[i].At <= atOrBeforeTicks)
                {
                    return changes[i];
                }
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long IndexOf(long utcTicks) => Math.Clamp(utcTicks, 0, MaxTicks) / BlockTicks;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Block BlockOf(long utcTicks) => BlockAt(IndexOf(utcTicks));

    private Block BlockAt(long index)
    {
        if (_last is { } last && last.Index == index)
        {
            return last;
        }

        if (!_blocks.TryGetValue(index, out var block))
        {
            if (_blocks.Count >= MaxBlocksPerZone)
            {
                _blocks.Clear();
            }

            block = _blocks.GetOrAdd(index, Compute);
        }

        _last = block;
        return block;
    }

    // Samples the offset a tick before the block and then once a day to its last tick, and bisects every step whose
    // ends differ.
    private Block Compute(long index)
    {
        var start = index * BlockTicks;
        var end = Math.Min(start + BlockTicks - 1, MaxTicks);   // last tick of the block
        var changes = new List<OffsetChange>();
        var previous = Math.Max(start - 1, 0);
        var previousOffset = Offset(previous);
        var startOffset = Offset(start);
        for (var sample = start; previous < end; sample = Math.Min(sample + TimeSpan.TicksPerDay, end))
        {
            var offset = Offset(sample);
            if (offset != previousOffset)
            {
                FindChanges(previous, previousOffset, sample, offset, changes);
            }

            previous = sample;
            previousOffset = offset;
        }

        return new Block(index, startOffset, [.. changes]);
    }

    // Every change in (low, high], given the offsets at both ends differ.
    private void FindChanges(long low, long lowOffset, long high, long highOffset, List<OffsetChange> changes)
    {
        while (lowOffset != highOffset)
        {
            // The first instant in (low, high] whose offset differs from lowOffset.
            var (before, first) = (low, high);
            while (first - before > 1)
            {
                var middle = before + ((first - before) / 2);
                if (Offset(middle) == lowOffset)
                {
                    before = middle;
                }
                else
                {
                    first = middle;
                }
            }

            var after = Offset(first);
            changes.Add(new OffsetChange(first, lowOffset, after));
            (low, lowOffset) = (first, after);
        }
    }

    private long Offset(long utcTicks) => _zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;

    // Offsets of one block: the one at its first tick, and the changes inside it, in order.
    private sealed record Block(long Index, long StartOffset, OffsetChange[] Changes);
}
