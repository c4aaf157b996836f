using System.Text;
using System.Text.Json;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Validation;

/// <summary>
/// timeZone over every id this machine's tz database defines, every file and folder in its zoneinfo directory,
/// and hostile spellings: IANA ids are stored in one spelling that plans exactly like the id given; everything
/// else is the time-zone rule, never an exception.
/// </summary>
public sealed partial class TaskDefinitionReaderTests
{
    private static readonly string ZoneInfo = Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } tzdir ? tzdir : "/usr/share/zoneinfo";

    public static TheoryData<string> HostileZoneIds() =>
    [
        "America", "Europe", "Etc", "posix", "right", "Europe/", "America/", "Etc/",
        "localtime", "posixrules", "Factory", "right/UTC", "right/Europe/Berlin", "posix/Europe/Berlin", "posix/UTC",
        "Europe//Berlin", "./Europe/Berlin", "Europe/./Berlin", "Europe/../Europe/Berlin", "/Europe/Berlin",
        "Europe/Berlin/", "../zoneinfo/Europe/Berlin", "/usr/share/zoneinfo/Europe/Berlin", "/etc/localtime",
        "../../../../etc/passwd", "Europe\\Berlin", "\\Europe\\Berlin", "europe/berlin", "EUROPE/BERLIN", "Europe/berlin",
        "utc", "Utc", " UTC", "UTC ", " Europe/Berlin", "Europe/Berlin\n", "Europe/Berlin\u0000", "Europe/Berlin\t",
        "", " ", "zone.tab", "zone1970.tab", "iso3166.tab", "tzdata.zi", "leapseconds", "leap-seconds.list", "+VERSION",
        "SystemV/EST5", "Etc/Unknown", "Mars/Olympus", "UTC+1", "UTC+01:00", "GMT+01:00", "+01:00", "CET-1CEST",
        "EST5EDT,M3.2.0,M11.1.0", "Europe/Berlin%00", "%2e%2e/Europe/Berlin", "CON", "NUL", new string('A', 300),
        "Europe/Berlin Europe/Paris", "w. europe standard time",
    ];

    [Fact]
    public void Read_EveryZoneAndLinkOfTheTzDatabase_StoresOneSpellingThatPlansTheSame()
    {
        var catalog = ZoneCatalog.Host;
        Assert.True(catalog.FromTzData, $"{ZoneInfo}/tzdata.zi is missing on this machine.");
        var ids = catalog.Ids.ToList();
        Assert.True(ids.Count > 400, $"Only {ids.Count} zone ids in {ZoneInfo}/tzdata.zi.");

        foreach (var id in ids)
        {
            var stored = ReadValid(ZoneBody(id)).Schedule.TimeZone;

            var given = TimeZoneInfo.FindSystemTimeZoneById(id);
            var kept = TimeZoneInfo.FindSystemTimeZoneById(stored);
            Assert.True(given.HasSameRules(kept), $"'{id}' was stored as '{stored}', which has other rules.");
            Assert.Equal(stored, ReadValid(ZoneBody(stored)).Schedule.TimeZone);
            Assert.Equal(stored, catalog.Canonical(id));
        }
    }

    [Theory]
    [InlineData("US/Pacific",       "America/Los_Angeles")]
    [InlineData("Asia/Calcutta",    "Asia/Kolkata")]
    [InlineData("Europe/Kiev",      "Europe/Kyiv")]
    [InlineData("GB",               "Europe/London")]
    [InlineData("UTC",              "UTC")]
    [InlineData("Etc/UTC",          "UTC")]
    [InlineData("Etc/Universal",    "UTC")]
    [InlineData("Zulu",             "UTC")]
    [InlineData("Etc/GMT+5",        "Etc/GMT+5")]
    [InlineData("Europe/Berlin",    "Europe/Berlin")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    [InlineData("India Standard Time",     "Asia/Kolkata")]
    [InlineData("Pacific Standard Time",   "America/Los_Angeles")]
    public void Read_ZoneLinkOrWindowsId_StoresTheZonesOneSpelling(string given, string stored)
    {
        Assert.Equal(stored, ReadValid(ZoneBody(given)).Schedule.TimeZone);
    }

    [Theory]
    [MemberData(nameof(HostileZoneIds))]
    public void Read_NoIanaZoneId_IsTheTimeZoneRule(string id)
    {
        AssertTimeZoneRule(id);
    }

    [Fact]
    public void Read_EveryFileAndFolderOfTheZoneInfoDirectory_IsAnIdOfTheTzDatabaseOrTheTimeZoneRule()
    {
        var catalog = ZoneCatalog.Host;
        var paths = Directory.EnumerateFileSystemEntries(ZoneInfo, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(ZoneInfo, path).Replace('\\', '/'))
            .SelectMany(path => Directory.Exists(Path.Combine(ZoneInfo, path)) ? new[] { path, path + "/" } : [path])
            .ToList();
        Assert.Contains("posix/Europe/Berlin", paths);
        Assert.Contains("localtime", paths);

        foreach (var path in paths)
        {
            if (catalog.Canonical(path) is { } canonical)
            {
                Assert.Equal(canonical, ReadValid(ZoneBody(path)).Schedule.TimeZone);
            }
            else
            {
                AssertTimeZoneRule(path);
            }
        }
    }

    private static void AssertTimeZoneRule(string id)
    {
        var result = TaskDefinitionReader.Read(ZoneBody(id), new DefinitionContext());

        Assert.False(result.IsValid, $"'{id}' was accepted as '{result.Value?.Schedule.TimeZone}'.");
        var error = Assert.Single(result.Errors);
        Assert.Equal(("/schedule/timeZone", ValidationRules.TimeZone), (error.Pointer, error.Rule));
    }

    private static byte[] ZoneBody(string zone) => Encoding.UTF8.GetBytes(
        "{\"id\":\"zoned\",\"schedule\":{\"cron\":\"0 * * * *\",\"timeZone\":" + JsonSerializer.Serialize(zone) +
        "},\"target\":{\"url\":\"https://w.example.com\"}}");
}
