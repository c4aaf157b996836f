using System.Collections.Frozen;

namespace FunctionScheduler.Core.Validation;

/// <summary>
/// The IANA time zone ids this host's tz database defines, each mapped to the one spelling a definition stores.
/// Read from <c>tzdata.zi</c> in the zoneinfo directory: its <c>Z</c> lines are zones and its <c>L</c> lines links.
/// The directory itself also holds folders (<c>Europe</c>), other builds of the data (<c>posix/</c>,
/// <c>right/</c>), the host's own zone (<c>localtime</c>) and tables, which .NET would load, or fail to load, as
/// zones; only ids the catalogue lists ever reach <see cref="TimeZoneInfo.FindSystemTimeZoneById"/>.
/// </summary>
internal sealed class ZoneCatalog
{
    /// <summary>The spelling stored for Etc/UTC and its links; the default zone, so it has one spelling too.</summary>
    public const string Utc = "UTC";

    private const string EtcUtc = "Etc/UTC";

    // Zones that exist in the data but name no place's time: "Factory" is the placeholder for "local time not
    // set", and posixrules the template zic applies to POSIX TZ strings.
    private static readonly FrozenSet<string> NotPlaces = FrozenSet.ToFrozenSet(["Factory", "posixrules"], StringComparer.Ordinal);

    private static readonly Lazy<ZoneCatalog> HostCatalog = new(() => Load(ZoneInfoDirectory()));

    private readonly FrozenDictionary<string, string> _canonical;

    private ZoneCatalog(FrozenDictionary<string, string> canonical, bool fromTzData)
    {
        _canonical = canonical;
        FromTzData = fromTzData;
    }

    /// <summary>The catalogue of this host's tz database.</summary>
    public static ZoneCatalog Host => HostCatalog.Value;

    /// <summary>
    /// Whether the catalogue comes from tzdata.zi. Without it (Windows, or a container without the file) an id
    /// counts as IANA when the runtime's ICU data knows it, and a link is stored as written.
    /// </summary>
    public bool FromTzData { get; }

    /// <summary>Every id the catalogue accepts (zones and links); empty without tzdata.zi.</summary>
    public IEnumerable<string> Ids => _canonical.Keys;

    /// <summary>
    /// The spelling to store for <paramref name="id"/> (matched exactly, case-sensitively): a zone's own id, a
    /// link's zone, and <see cref="Utc"/> for Etc/UTC and its links. Null when <paramref name="id"/> is no IANA id.
    /// </summary>
    public string? Canonical(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (FromTzData)
        {
            return _canonical.GetValueOrDefault(id);
        }

        // ICU's table of IANA ids (a lookup; it never touches the file system).
        return NotPlaces.Contains(id) || !TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _) ? null : Spelling(id);
    }

    /// <summary>The catalogue of the tz database in <paramref name="zoneInfoDirectory"/>.</summary>
    public static ZoneCatalog Load(string zoneInfoDirectory)
    {
        var path = Path.Combine(zoneInfoDirectory, "tzdata.zi");
        return File.Exists(path) ? Parse(File.ReadLines(path)) : new ZoneCatalog(FrozenDictionary<string, string>.Empty, fromTzData: false);
    }

    /// <summary>The catalogue of the lines of a tzdata.zi file.</summary>
    public static ZoneCatalog Parse(IEnumerable<string> lines)
    {
        var zones = new HashSet<string>(StringComparer.Ordinal);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields is ["Z", var zone, ..])
            {
                zones.Add(zone);
            }
            else if (fields is ["L", var target, var link, ..])
            {
                links[link] = target;
            }
        }

        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var zone in zones.Where(zone => !NotPlaces.Contains(zone)))
        {
            canonical[zone] = Spelling(zone);
        }

        foreach (var link in links.Keys.Where(link => !NotPlaces.Contains(link)))
        {
            if (ZoneOf(link, links, zones) is { } zone && !NotPlaces.Contains(zone))
            {
                canonical[link] = Spelling(zone);
            }
        }

        return new ZoneCatalog(canonical.ToFrozenDictionary(StringComparer.Ordinal), fromTzData: true);
    }

    // A link may name another link; the chain ends at a zone, within as many steps as there are links.
    private static string? ZoneOf(string link, Dictionary<string, string> links, HashSet<string> zones)
    {
        var current = link;
        for (var step = 0; step <= links.Count; step++)
        {
            if (!links.TryGetValue(current, out var target))
            {
                return null;
            }

            if (zones.Contains(target))
            {
                return target;
            }

            current = target;
        }

        return null;
    }

    private static string Spelling(string zone) => zone == EtcUtc ? Utc : zone;

    // Where .NET itself reads zones on Unix: $TZDIR, else the standard location.
    private static string ZoneInfoDirectory() =>
        Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } directory ? directory : "/usr/share/zoneinfo";
}
