using System.Text.Json.Nodes;

namespace FunctionScheduler.Standalone.Tests.Support;

/// <summary>Task definitions for the tests, in the contract's short form.</summary>
internal static class TaskBodies
{
    /// <summary>Fires every second (cron with seconds), POSTing to <paramref name="url"/>.</summary>
    public static JsonObject EverySecond(string id, Uri url, JsonObject? secretHeaders = null) => new()
    {
        ["id"] = id,
        ["schedule"] = new JsonObject { ["cron"] = "* * * * * *" },
        ["target"] = Target(url, secretHeaders),
    };

    /// <summary>Fires once, far in the future: a task that only fires when asked to run now.</summary>
    public static JsonObject Dormant(string id, Uri url, JsonObject? secretHeaders = null) => new()
    {
        ["id"] = id,
        ["schedule"] = new JsonObject { ["at"] = "2099-01-01T00:00:00Z" },
        ["target"] = Target(url, secretHeaders),
    };

    public static StringContent Json(JsonNode body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static JsonObject Target(Uri url, JsonObject? secretHeaders)
    {
        var target = new JsonObject { ["url"] = url.ToString(), ["method"] = "POST", ["timeout"] = "PT5S" };
        if (secretHeaders is not null)
        {
            target["secretHeaders"] = secretHeaders;
        }

        return target;
    }
}
