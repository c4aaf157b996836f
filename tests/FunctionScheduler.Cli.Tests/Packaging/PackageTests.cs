using System.IO.Compression;
using System.Xml.Linq;
using FunctionScheduler.Cli.Tests.Support;
using FunctionScheduler.Client.Tests.Support;
using FunctionScheduler.Standalone.Tests.Support;

namespace FunctionScheduler.Cli.Tests.Packaging;

/// <summary>
/// The packages as a user gets them: `dotnet pack` of the built projects into a local folder feed, the library's
/// contents, and `dotnet tool install --tool-path` of fsched from that feed alone, run against the real host.
/// </summary>
public sealed class PackageTests(SchedulerHostFixture fixture) : IClassFixture<SchedulerHostFixture>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fsched-pack-").FullName;

    [Fact]
    public async Task DotnetPack_ClientLibrary_HasReadmeXmlDocsSymbolsAndDependsOnTheContractsNotTheServer()
    {
        var feed = Path.Combine(_work, "feed");

        await PackAsync("src/FunctionScheduler.Client/FunctionScheduler.Client.csproj", feed);
        await PackAsync("src/FunctionScheduler.Contracts/FunctionScheduler.Contracts.csproj", feed);

        foreach (var id in new[] { "FunctionScheduler.Client", "FunctionScheduler.Contracts" })
        {
            using var package = ZipFile.OpenRead(Path.Combine(feed, $"{id}.0.1.0.nupkg"));
            var entries = package.Entries.Select(entry => entry.FullName).ToList();
            Assert.Contains("README.md", entries);
            Assert.Contains($"lib/net10.0/{id}.dll", entries);
            Assert.Contains($"lib/net10.0/{id}.xml", entries);
            Assert.True(File.Exists(Path.Combine(feed, $"{id}.0.1.0.snupkg")), id + ": no symbol package");
        }

        using var client = ZipFile.OpenRead(Path.Combine(feed, "FunctionScheduler.Client.0.1.0.nupkg"));
        await using var nuspec = client.GetEntry("FunctionScheduler.Client.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToList();
        Assert.Contains("FunctionScheduler.Contracts", dependencies);
        Assert.Contains("Microsoft.Extensions.Http.Resilience", dependencies);
        Assert.DoesNotContain(dependencies, id => id.StartsWith("FunctionScheduler.Core", StringComparison.Ordinal) || id.StartsWith("Azure.", StringComparison.Ordinal) || id == "Cronos");
        Assert.Equal("git", metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("type")!.Value);
    }

    [Fact]
    public async Task DotnetToolInstall_FromThePackedLocalFeed_InstallsFschedThatTalksToTheHost()
    {
        var feed = Path.Combine(_work, "feed");
        var tools = Path.Combine(_work, "tools");
        await PackAsync("src/FunctionScheduler.Cli/FunctionScheduler.Cli.csproj", feed);

        // Only the local feed: the tool package must carry everything it needs.
        var config = Path.Combine(_work, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="local" value="{feed}" /></packageSources>
            </configuration>
            """);
        var install = await DotnetCommand.RunAsync(
            "dotnet", ["tool", "install", "FunctionScheduler.Cli", "--version", "0.1.0", "--tool-path", tools, "--configfile", config]);
        Assert.True(install.ExitCode == 0, install.ToString());

        var list = await DotnetCommand.RunAsync(
            Path.Combine(tools, "fsched"),
            ["tasks", "list", "--group", "pack-none", "--output", "json"],
            new Dictionary<string, string?>
            {
                ["FUNCTIONSCHEDULER_ENDPOINT"] = fixture.Host.BaseAddress.AbsoluteUri,
                ["FUNCTIONSCHEDULER_API_KEY"] = StandaloneTestHost.ApiKey,
            });

        Assert.True(list.ExitCode == ExitCodes.Ok, list.ToString());
        Assert.Equal("[]", list.Out.Trim());
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static async Task PackAsync(string project, string feed)
    {
        var pack = await DotnetCommand.RunAsync("dotnet", ["pack", project, "-c", DotnetCommand.Configuration, "--no-build", "-o", feed]);
        Assert.True(pack.ExitCode == 0, pack.ToString());
    }
}
