namespace FunctionScheduler.Functions.Surface.Tests;

public class SourceCommentScannerTests
{
    [Fact]
    public void FindUnsourced_SurfaceSources_AllPublicDeclarationsNameTheirSource()
    {
        string root = Path.Combine(RepositoryRoot(), "src", "FunctionScheduler.Functions.Surface");
        string[] files = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();

        List<string> missing = files
            .SelectMany(f => SourceCommentScanner.FindUnsourced(Path.GetRelativePath(root, f), File.ReadAllText(f)))
            .ToList();

        Assert.True(files.Length > 30, $"expected the surface sources under {root}, found {files.Length} files");
        Assert.True(missing.Count == 0, "Declarations without a // Source: comment:\n" + string.Join('\n', missing));
    }

    [Theory]
    [InlineData("public class A\n{\n    public int B { get; }\n}\n", 2)]
    [InlineData("// Source: r/p.cs@1\npublic class A\n{\n    // Source: r/p.cs@1\n    public int B { get; }\n}\n", 0)]
    [InlineData("// Source: r/p.cs@1\n[Obsolete]\npublic class A\n{\n}\n", 0)]
    [InlineData("// Source: r/p.cs@1\npublic class A\n{\n    // why, not where\n    public int B { get; }\n}\n", 1)]
    [InlineData("// Source: r/p.cs@1\npublic interface I\n{\n    string? Name { get; }\n\n    // Source: r/p.cs@1\n    void Set<T>(T instance);\n}\n", 1)]
    [InlineData("// Source: r/p.cs@1\npublic enum E\n{\n    // Source: r/p.cs@1\n    One = 1,\n\n    Two,\n}\n", 1)]
    public void FindUnsourced_Snippet_ReportsEachDeclarationWithoutSource(string snippet, int expectedMissing)
    {
        IReadOnlyList<string> missing = SourceCommentScanner.FindUnsourced("snippet.cs", snippet);

        Assert.Equal(expectedMissing, missing.Count);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FunctionScheduler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FunctionScheduler.sln not found above " + AppContext.BaseDirectory);
    }
}
