using System.Text.RegularExpressions;

namespace FunctionScheduler.Functions.Surface.Tests;

// Reflection cannot see comments, so the "every public declaration names its source" rule is checked on the text:
// each public declaration (and each interface or enum member, which carries no modifier) must be preceded, above
// its attributes, by a comment block containing a "// Source:" line.
internal static partial class SourceCommentScanner
{
    public static IReadOnlyList<string> FindUnsourced(string fileName, string text)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var missing = new List<string>();
        string? container = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            Match type = ContainerDeclaration().Match(line);
            if (type.Success)
            {
                container = type.Groups["kind"].Value;
            }

            bool isDeclaration = PublicDeclaration().IsMatch(line)
                || (container == "interface" && InterfaceMember().IsMatch(line))
                || (container == "enum" && EnumMember().IsMatch(line));
            if (isDeclaration && !HasSourceCommentAbove(lines, i))
            {
                missing.Add($"{fileName}:{i + 1}: {line.Trim()}");
            }
        }

        return missing;
    }

    private static bool HasSourceCommentAbove(string[] lines, int declarationIndex)
    {
        int i = declarationIndex - 1;
        while (i >= 0 && lines[i].TrimStart().StartsWith('['))
        {
            i--;
        }

        for (; i >= 0 && lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal); i--)
        {
            if (lines[i].TrimStart().StartsWith("// Source:", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^public\s+(?:[a-z]+\s+)*(?<kind>interface|enum|class|struct|record)\b")]
    private static partial Regex ContainerDeclaration();

    [GeneratedRegex(@"^\s*public\s")]
    private static partial Regex PublicDeclaration();

    // A member line of an interface body: four-space indent, a type, a name, and a ';' or accessor list.
    [GeneratedRegex(@"^ {4}[A-Za-z][\w<>?,\[\] ]*\s+\w+(<[^>]+>)?(\(.*|\s*\{ get; \})\s*;?\s*$")]
    private static partial Regex InterfaceMember();

    [GeneratedRegex(@"^ {4}[A-Z]\w*(\s*=\s*\d+)?,\s*$")]
    private static partial Regex EnumMember();
}
