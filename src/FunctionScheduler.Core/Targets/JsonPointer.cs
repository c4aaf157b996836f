namespace FunctionScheduler.Core.Targets;

/// <summary>RFC 6901 JSON pointers: "" is the whole document, "/a/0" its property "a", then item 0; "~0" is '~' and "~1" '/'.</summary>
public static class JsonPointer
{
    /// <summary>The reference tokens of <paramref name="pointer"/>, unescaped; false when it is not a pointer.</summary>
    public static bool TryParse(string pointer, out IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        tokens = [];
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        var parts = pointer[1..].Split('/');
        var result = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            for (var i = part.IndexOf('~', StringComparison.Ordinal); i >= 0; i = part.IndexOf('~', i + 1))
            {
                if (i + 1 >= part.Length || part[i + 1] is not ('0' or '1'))
                {
                    return false;
                }
            }

            // ~1 first, then ~0: "~01" is the text "~1", not "/".
            result.Add(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        tokens = result;
        return true;
    }
}
