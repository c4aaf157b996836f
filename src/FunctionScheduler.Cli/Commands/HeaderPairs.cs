using System.CommandLine;
using System.Text.Json.Nodes;

namespace FunctionScheduler.Cli.Commands;

/// <summary>Header flags written 'Name: value', repeatable, turned into a header map of the definition.</summary>
internal static class HeaderPairs
{
    /// <summary>Sets <paramref name="parent"/>.<paramref name="property"/> of <paramref name="root"/> to the headers <paramref name="option"/> gives, if any.</summary>
    public static void Add(JsonObject root, string parent, string property, Option<string[]> option, ParseResult result)
    {
        if (result.GetValue(option) is not { Length: > 0 } headers)
        {
            return;
        }

        var map = new JsonObject();
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new CliUsageException($"{option.Name}: '{header}' is not 'Name: value'.");
            }

            var name = header[..colon].Trim();
            if (!map.TryAdd(name, header[(colon + 1)..].Trim()))
            {
                throw new CliUsageException($"{option.Name}: '{name}' is given twice.");
            }
        }

        if (root[parent] is not JsonObject owner)
        {
            owner = new JsonObject();
            root[parent] = owner;
        }

        owner[property] = map;
    }

    /// <summary>A JSON pointer token back to the name it encodes ("~1" is '/', "~0" is '~').</summary>
    public static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
