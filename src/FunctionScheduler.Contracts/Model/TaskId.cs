using System.Text.RegularExpressions;

namespace FunctionScheduler.Contracts;

/// <summary>
/// Rules for task ids and group names. Both become Table Storage keys and Durable instance ids, which forbid
/// '/', '\', '#', '?' and control characters; the pattern keeps to a safe, URL-friendly subset.
/// </summary>
public static partial class TaskId
{
    /// <summary>The documented id pattern: a letter or digit, then up to 63 letters, digits, '.', '_' or '-'.</summary>
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    /// <summary>Whether <paramref name="value"/> is a valid task id or group name.</summary>
    public static bool IsValid(string? value) => value is not null && IdRegex().IsMatch(value);

    /// <summary>A new random id for a task created without one.</summary>
    public static string NewId() => "t-" + Guid.NewGuid().ToString("N")[..20];

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();
}
