namespace FunctionScheduler.Testing.Conformance;

/// <summary>Finds the scenario files in tests/conformance, the one set every runtime runs.</summary>
public static class ScenarioFiles
{
    /// <summary>The folder holding the scenarios, found by walking up from the test binaries.</summary>
    public static string Directory { get; } = Locate();

    /// <summary>Scenario names (file names without .json), for [MemberData].</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

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
