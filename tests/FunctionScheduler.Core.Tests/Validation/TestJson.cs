using System.Text;
using System.Text.Json.Nodes;

namespace FunctionScheduler.Core.Tests.Validation;

/// <summary>Builds request bodies for reader tests: single quotes for readability, and merge patches over a base.</summary>
internal static class TestJson
{
    /// <summary>A valid full-form definition; bad-input rows patch one thing in it.</summary>
    public const string Base =
        "{'id':'nightly-report','group':'reports'," +
        "'schedule':{'cron':'0 30 2 * * *'}," +
        "'target':{'url':'https://worker.example.com/sync'}}";

    /// <summary>UTF-8 of <paramref name="singleQuoted"/> with every ' turned into " (write \u0027 for a real apostrophe).</summary>
    public static byte[] Utf8(string singleQuoted) => Encoding.UTF8.GetBytes(Quote(singleQuoted));

    public static string Quote(string singleQuoted) => singleQuoted.Replace('\'', '"');

    /// <summary><see cref="Base"/> with an RFC 7386 merge patch applied (a null removes a property).</summary>
    public static byte[] Patched(string singleQuotedPatch) => Encoding.UTF8.GetBytes(Merge(Quote(Base), Quote(singleQuotedPatch)));

    public static string Merge(string document, string patch)
    {
        var target = JsonNode.Parse(document)!.AsObject();
        Apply(target, JsonNode.Parse(patch)!.AsObject());
        return target.ToJsonString();
    }

    private static void Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject child && target[name] is JsonObject existing)
            {
                Apply(existing, child);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
