namespace FunctionScheduler.Testing.Conformance;

/// <summary>Finds the scenario files in tests/conformance, the one set every runtime runs.</summary>
public static class ScenarioFiles
{
    /// <summary>The folder holding the scenarios, found by walking up from the test binaries.</summary>
    public static string Directory { get; } = Locate();

    /// <summary>Scenario names (file names without .json), in order.</summary>
    public static IReadOnlyList<string> All() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.json").Order(StringComparer.Ordinal).Select(Path.GetFileNameWithoutExtension).OfType<string>()];

    /// <summary>Scenario names, for [MemberData].</summary>
    public static TheoryData<string> Names() => [.. All()];

    public static Scenario Load(string name) => Scenario.Parse(name, File.ReadAllText(Path.Combine(Directory, name + ".json")));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "conformance");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No tests/conformance folder above {AppContext.BaseDirectory}.");
    }
}
