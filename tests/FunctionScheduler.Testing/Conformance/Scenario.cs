using System.Text.Json;

namespace FunctionScheduler.Testing.Conformance;

/// <summary>
/// A conformance scenario: a start instant and a list of steps, each a JSON object with one verb
/// (see tests/conformance/README.md for the format).
/// </summary>
public sealed record Scenario(string Name, string Description, DateTimeOffset Start, IReadOnlyList<JsonElement> Steps)
{
    public static Scenario Parse(string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var steps = root.GetProperty("steps").EnumerateArray().Select(s => s.Clone()).ToList();
        var description = root.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        return new Scenario(name, description, root.GetProperty("start").GetDateTimeOffset(), steps);
    }
}
