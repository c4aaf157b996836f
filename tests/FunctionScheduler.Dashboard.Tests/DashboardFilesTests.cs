using System.Text;
using System.Text.RegularExpressions;

namespace FunctionScheduler.Dashboard.Tests;

/// <summary>
/// The page's embedded files, read as both hosts serve them: every reference resolves to a served file, and no
/// script writes markup or evaluates text (the page builds its DOM from text nodes; the CSP forbids inline code).
/// </summary>
public sealed partial class DashboardFilesTests
{
    public static TheoryData<string> Scripts() => [.. DashboardFiles.Names.Where(n => n.EndsWith(".js", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_NeverWritesMarkupOrEvaluatesText(string name)
    {
        var text = Text(name);

        foreach (var sink in (string[])["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", ".style."])
        {
            Assert.False(text.Contains(sink, StringComparison.Ordinal) && !IsComment(text, sink), $"{name} uses {sink}.");
        }
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_ImportsOnlyServedModules(string name)
    {
        foreach (Match import in ImportPath().Matches(Text(name)))
        {
            Assert.NotNull(DashboardFiles.Find(import.Groups[1].Value));
        }
    }

    [Fact]
    public void Index_ReferencesServedFilesAndHasNoInlineScriptOrStyle()
    {
        var html = Text(DashboardFiles.IndexName);
        var references = LocalReference().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("app.js", references);
        Assert.All(references, reference => Assert.NotNull(DashboardFiles.Find(reference)));
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineHandler(), html);
    }

    private static string Text(string name) => Encoding.UTF8.GetString(DashboardFiles.Find(name)!.Content.Span);

    // dom.js names innerHTML in its header comment to say it is never used.
    private static bool IsComment(string text, string sink) =>
        text.Split('\n').Where(line => line.Contains(sink, StringComparison.Ordinal)).All(line => line.TrimStart().StartsWith("//", StringComparison.Ordinal));

    [GeneratedRegex("""from '\./([^']+)'""")]
    private static partial Regex ImportPath();

    [GeneratedRegex("(?:src|href)=\"([a-z][a-z0-9.-]*\\.[a-z]+)\"")]
    private static partial Regex LocalReference();

    [GeneratedRegex("""\son[a-z]+=""")]
    private static partial Regex InlineHandler();
}
