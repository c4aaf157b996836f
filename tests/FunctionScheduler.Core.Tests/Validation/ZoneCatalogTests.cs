using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Validation;

public sealed class ZoneCatalogTests
{
    private static readonly string[] Lines =
    [
        "# version 2099a",
        "R EU 1981 ma - Mar lastSu 1u 1 S",
        "Z Europe/Berlin 0:53:28 - LMT 1893 Ap",
        "1 c CE%sT 1945 May 24 2",
        "Z Etc/UTC 0 - UTC",
        "Z Factory 0 - -00",
        "L Europe/Berlin Europe/Busingen",
        "L Europe/Busingen Old/Chain",
        "L Etc/UTC UTC",
        "L Etc/UTC Zulu",
        "L America/New_York posixrules",
        "L Factory Old/Factory",
        "L Nowhere/Zone Dangling/Link",
    ];

    private readonly ZoneCatalog _catalog = ZoneCatalog.Parse(Lines);

    [Theory]
    [InlineData("Europe/Berlin",   "Europe/Berlin")]
    [InlineData("Europe/Busingen", "Europe/Berlin")]
    [InlineData("Old/Chain",       "Europe/Berlin")]
    [InlineData("Etc/UTC",         "UTC")]
    [InlineData("UTC",             "UTC")]
    [InlineData("Zulu",            "UTC")]
    public void Canonical_ZoneOrLink_IsTheZoneItNames(string id, string expected)
    {
        Assert.Equal(expected, _catalog.Canonical(id));
    }

    [Theory]
    [InlineData("Factory")]
    [InlineData("Old/Factory")]
    [InlineData("posixrules")]
    [InlineData("Dangling/Link")]
    [InlineData("Europe")]
    [InlineData("europe/berlin")]
    [InlineData("1")]
    [InlineData("EU")]
    public void Canonical_NoPlacesZoneOrNotListed_IsNull(string id)
    {
        Assert.Null(_catalog.Canonical(id));
    }

    [Fact]
    public void Ids_ParsedFile_AreTheZonesAndLinksThatNameAPlace()
    {
        Assert.True(_catalog.FromTzData);
        Assert.Equal(
            ["Etc/UTC", "Europe/Berlin", "Europe/Busingen", "Old/Chain", "UTC", "Zulu"],
            _catalog.Ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_DirectoryWithoutTzDataZi_FallsBackToTheRuntimesIanaIds()
    {
        var empty = Directory.CreateTempSubdirectory("zoneinfo-").FullName;
        try
        {
            var catalog = ZoneCatalog.Load(empty);

            Assert.False(catalog.FromTzData);
            Assert.Equal("Europe/Berlin", catalog.Canonical("Europe/Berlin"));
            Assert.Equal("UTC", catalog.Canonical("Etc/UTC"));
            Assert.Null(catalog.Canonical("localtime"));
            Assert.Null(catalog.Canonical("Factory"));
            Assert.Null(catalog.Canonical("Europe//Berlin"));
            Assert.Null(catalog.Canonical("America"));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
