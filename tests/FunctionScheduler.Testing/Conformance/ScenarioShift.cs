using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionScheduler.Testing.Conformance;

/// <summary>
/// Moves a scenario in time: its start and every instant its steps name (one-off instants and bounds of tasks,
/// advanceTo targets, expected fires, next fires and runs) move by one offset; durations, cron expressions, ids and
/// everything else stay. With an offset that keeps its schedules' calendar (see <see cref="RealClockFit"/>), the
/// moved scenario asserts exactly what the original does, at other instants.
/// </summary>
public static class ScenarioShift
{
    // The instant forms scenarios write: RFC 3339 date and time with seconds, an optional fraction, Z or an offset.
    private static readonly string[] InstantFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    // Steps keep their text readable in failure messages ('+' of an offset is not escaped).
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Scenario By(Scenario scenario, TimeSpan offset)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var steps = scenario.Steps.Select(step => Shift(JsonNode.Parse(step.GetRawText()), offset)).Select(ToElement).ToList();
        return scenario with { Start = scenario.Start + offset, Steps = steps };
    }

    // Whether text is written as an instant (and so moves with the scenario).
    private static bool IsInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);

    // A copy of node with its instants moved.
    private static JsonNode? Shift(JsonNode? node, TimeSpan offset) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, p.Key == "runId" ? throw RunIdsDoNotMove() : Shift(p.Value, offset)))),
        JsonArray array => new JsonArray([.. array.Select(item => Shift(item, offset))]),
        JsonValue value when value.TryGetValue<string>(out var text) && IsInstant(text, out var instant) =>
            JsonValue.Create(Write(instant + offset)),
        _ => node?.DeepClone(),
    };

    // A run id encodes its occurrence's instant in a format only the core knows; moving it would need that format
    // here, so a scenario that names one is not moved (RealClockFit counts it as an obstacle).
    private static NotSupportedException RunIdsDoNotMove() =>
        new("A scenario that names run ids cannot be moved in time: they encode their occurrence's instant.");

    // In the form it was read: Z for UTC, else its offset.
    private static string Write(DateTimeOffset instant) => instant.Offset == TimeSpan.Zero
        ? instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
        : instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static JsonElement ToElement(JsonNode? node)
    {
        using var document = JsonDocument.Parse(node?.ToJsonString(Relaxed) ?? "null");
        return document.RootElement.Clone();
    }
}
