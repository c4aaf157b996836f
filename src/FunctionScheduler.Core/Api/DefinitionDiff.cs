using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Api;

/// <summary>
/// Which fields differ between two definitions, as JSON pointers into the contract's full form (the pointers a PUT's
/// errors use): every leaf that changed, was added or went away, a secret header's value included (its pointer
/// says it changed; its value is never shown). Empty when the two are the same definition.
/// </summary>
internal static class DefinitionDiff
{
    public static IReadOnlyList<string> Changes(ScheduledTask before, ScheduledTask after)
    {
        var changes = new List<string>();
        Compare(Node(before), Node(after), string.Empty, changes);
        return changes;
    }

    private static JsonNode? Node(ScheduledTask definition) =>
        JsonSerializer.SerializeToNode(DefinitionMapping.WithSecretValues(definition), SchedulerJson.Options);

    private static void Compare(JsonNode? before, JsonNode? after, string pointer, List<string> changes)
    {
        if (before is JsonObject a && after is JsonObject b)
        {
            var names = a.Select(p => p.Key).Concat(b.Select(p => p.Key).Where(name => !a.ContainsKey(name)));
            foreach (var name in names)
            {
                Compare(a[name], b[name], FieldErrors.PointerOf(pointer, name), changes);
            }

            return;
        }

        if (!JsonNode.DeepEquals(before, after))
        {
            changes.Add(pointer);
        }
    }
}
