using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionScheduler.Cli.Commands;

/// <summary>
/// The flags of create and put that are lists or pairs rather than one value at one pointer: accepted statuses, the
/// JSON body check, retrying failed checks, and the failure action's headers. Like every definition flag they are
/// not checked here: the server's errors come back by pointer, and <see cref="FlagFor"/> names the flag.
/// </summary>
internal sealed class CheckFlags
{
    /// <summary>--expect-status, repeatable; each may list several, comma-separated: 200,204 or 2xx.</summary>
    public Option<string[]> ExpectStatus { get; } = new("--expect-status")
    {
        Description = "Accepted statuses (repeatable or comma-separated): 200, 200-204, 2xx. Default any 2xx.",
    };

    /// <summary>--expect-json POINTER=VALUE.</summary>
    public Option<string> ExpectJson { get; } = new("--expect-json")
    {
        Description = "The response must be JSON with VALUE at POINTER: '/status=\"ok\"' (VALUE is JSON; other text is a string).",
    };

    /// <summary>--retry-failed-checks.</summary>
    public Option<bool> RetryFailedChecks { get; } = new("--retry-failed-checks")
    {
        Description = "Retry a response that fails --expect-body or --expect-json (by default it fails the run at once).",
    };

    /// <summary>--notify-header 'Name: value', repeatable.</summary>
    public Option<string[]> NotifyHeaders { get; } = new("--notify-header") { Description = "A header 'Name: value' (repeatable) sent with every notification." };

    /// <summary>--notify-secret-header 'Name: value', repeatable.</summary>
    public Option<string[]> NotifySecretHeaders { get; } = new("--notify-secret-header")
    {
        Description = "A header 'Name: value' (repeatable) sent with every notification but never returned.",
    };

    public IEnumerable<Option> Options => [ExpectStatus, ExpectJson, RetryFailedChecks, NotifyHeaders, NotifySecretHeaders];

    public bool AnyGiven(ParseResult result) =>
        result.GetValue(ExpectStatus) is { Length: > 0 }
        || result.GetValue(ExpectJson) is not null
        || result.GetValue(RetryFailedChecks)
        || result.GetValue(NotifyHeaders) is { Length: > 0 }
        || result.GetValue(NotifySecretHeaders) is { Length: > 0 };

    /// <summary>Writes what the flags say into <paramref name="root"/>, a full-form definition.</summary>
    public void Apply(JsonObject root, ParseResult result)
    {
        if (result.GetValue(ExpectStatus) is { Length: > 0 } statuses)
        {
            var list = new JsonArray();
            foreach (var status in statuses.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                list.Add(status);
            }

            Success(root)["statuses"] = list;
        }

        if (result.GetValue(ExpectJson) is { } expectJson)
        {
            var equals = expectJson.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new CliUsageException($"{ExpectJson.Name}: '{expectJson}' is not POINTER=VALUE, such as /status=\"ok\".");
            }

            Body(root)["jsonPointer"] = expectJson[..equals];
            Body(root)["equals"] = JsonValueOf(expectJson[(equals + 1)..]);
        }

        if (result.GetValue(RetryFailedChecks))
        {
            Success(root)["retry"] = true;
        }

        HeaderPairs.Add(root, "failureAction", "headers", NotifyHeaders, result);
        HeaderPairs.Add(root, "failureAction", "secretHeaders", NotifySecretHeaders, result);
    }

    /// <summary>The flag that fills <paramref name="pointer"/>, or null when none of these does.</summary>
    public string? FlagFor(string pointer) => pointer switch
    {
        _ when pointer.StartsWith("/target/success/statuses", StringComparison.Ordinal) => ExpectStatus.Name,
        "/target/success/body/jsonPointer" or "/target/success/body/equals" => ExpectJson.Name,
        "/target/success/body" => "--expect-body or --expect-json",
        "/target/success/retry" => RetryFailedChecks.Name,
        "/failureAction" => "--notify-header and --notify-secret-header",
        _ when pointer.StartsWith("/failureAction/headers/", StringComparison.Ordinal) => NotifyHeaders.Name + " " + HeaderPairs.Unescape(pointer["/failureAction/headers/".Length..]),
        _ when pointer.StartsWith("/failureAction/secretHeaders/", StringComparison.Ordinal) => NotifySecretHeaders.Name + " " + HeaderPairs.Unescape(pointer["/failureAction/secretHeaders/".Length..]),
        _ => null,
    };

    // Written as JSON when it parses as JSON (ok is not JSON, so it is the string "ok").
    private static JsonNode? JsonValueOf(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static JsonObject Success(JsonObject root) => Child(Child(root, "target"), "success");

    private static JsonObject Body(JsonObject root) => Child(Success(root), "body");

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is not JsonObject child)
        {
            child = new JsonObject();
            parent[name] = child;
        }

        return child;
    }
}
