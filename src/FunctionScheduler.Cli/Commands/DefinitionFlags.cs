using System.CommandLine;
using System.Text.Json.Nodes;

namespace FunctionScheduler.Cli.Commands;

/// <summary>
/// The short-form flags of create and put (--cron, --url, ...), each tied to the JSON pointer it fills in the
/// full-form definition. The tool does not check the values: the server does, with every rule, and its errors come
/// back by pointer, which <see cref="FlagFor"/> turns back into the flag.
/// </summary>
internal sealed class DefinitionFlags
{
    private const string AudiencePointer = "/target/auth/audience";

    // In the order help lists them; each is an Option<string> or an Option<int?>.
    private readonly List<(Option Option, string Pointer)> _fields = [];

    public DefinitionFlags(bool withId)
    {
        if (withId)
        {
            Text("--id", "/id", "The task's id (generated when left out).");
        }

        Text("--name", "/name", "A name for people.");
        Text("--description", "/description", "A description.");
        Text("--group", "/group", "The group (default: default); fixed for the life of the task.");
        Text("--cron", "/schedule/cron", "Cron expression: 5 fields, or 6 with seconds first ('0 30 2 * * *').");
        Text("--zone", "/schedule/timeZone", "IANA time zone of a cron schedule (default UTC), e.g. Europe/Berlin.");
        Text("--interval", "/schedule/interval", "Fixed interval as an ISO-8601 duration, e.g. PT5M.");
        Text("--at", "/schedule/at", "One-off instant with an offset, e.g. 2026-12-01T08:00:00Z.");
        Text("--start-at", "/schedule/startAt", "No occurrence before this instant.");
        Text("--end-at", "/schedule/endAt", "No occurrence after this instant.");
        Number("--max-runs", "/schedule/maxRuns", "Complete after this many scheduled fires.");
        Text("--jitter", "/schedule/jitter", "Fire each occurrence up to this much late, e.g. PT30S.");
        Text("--misfire", "/schedule/misfire/policy", "Missed occurrences: skip, fireOnce or catchUp.");
        Text("--misfire-grace", "/schedule/misfire/grace", "How late an occurrence may still fire as scheduled, e.g. PT5M.");
        Number("--catch-up-limit", "/schedule/misfire/catchUpLimit", "With catchUp, the most missed occurrences fired.");
        Text("--url", "/target/url", "The http(s) URL each run calls.");
        Text("--method", "/target/method", "The HTTP method (default POST).");
        Text("--body", "/target/body", "The request body, sent as-is.");
        Text("--content-type", "/target/contentType", "The body's media type (default application/json).");
        Text("--timeout", "/target/timeout", "Per-attempt timeout, e.g. PT30S.");
        Number("--max-attempts", "/target/retry/maxAttempts", "Attempts per run, the first included.");
        Text("--retry-delay", "/target/retry/initialDelay", "Delay before the first retry; doubles after each.");
        Text("--retry-max-delay", "/target/retry/maxDelay", "Longest delay between retries.");
        Text("--retry-max-duration", "/target/retry/maxDuration", "No retry starts later than this after the first attempt.");
        Text("--auth-audience", AudiencePointer, "Send a Microsoft Entra token for this audience (api://... or a client id), from the scheduler's managed identity.");
        Text("--expect-body", "/target/success/body/contains", "A response with an accepted status must contain this text, or the run fails.");
        Text("--notify-url", "/failureAction/url", "Where a signed JSON notification goes when a run fails after its retries or the task is overdue.");
        Text("--notify-timeout", "/failureAction/timeout", "Per-attempt timeout of a notification (default PT10S).");
        Text("--overdue-after", "/overdueTolerance", "The task is overdue when a due run is still unrecorded this long after its time, e.g. PT10M.");
        Number("--auto-pause-after", "/autoPauseAfter", "Pause the task after this many failed runs in a row.");
    }

    /// <summary>The list and pair flags of checks and notifications (--expect-status, --expect-json, --notify-header, ...).</summary>
    public CheckFlags Checks { get; } = new();

    /// <summary>The schedule flags alone (--cron, --zone, --interval, ...), for a preview.</summary>
    public IEnumerable<Option> ScheduleOptions => _fields.Where(f => f.Pointer.StartsWith("/schedule/", StringComparison.Ordinal)).Select(f => f.Option);

    /// <summary>--header 'Name: value', repeatable: sent with every attempt and returned by reads.</summary>
    public Option<string[]> Headers { get; } = new("--header") { Description = "A header 'Name: value' (repeatable), returned by reads." };

    /// <summary>--secret-header 'Name: value', repeatable: sent, never returned.</summary>
    public Option<string[]> SecretHeaders { get; } = new("--secret-header") { Description = "A header 'Name: value' (repeatable) that is sent but never returned." };

    /// <summary>--file: a whole JSON definition (full or short form), '-' for standard input.</summary>
    public Option<string> File { get; } = new("--file", "-f") { Description = "A JSON definition (full or short form) to send as-is; '-' reads standard input." };

    public void AddTo(Command command)
    {
        command.Options.Add(File);
        foreach (var (option, _) in _fields)
        {
            command.Options.Add(option);
        }

        command.Options.Add(Headers);
        command.Options.Add(SecretHeaders);
        foreach (var option in Checks.Options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether any definition flag was given.</summary>
    public bool AnyGiven(ParseResult result) =>
        _fields.Any(field => result.GetResult(field.Option) is { Implicit: false })
        || result.GetValue(Headers) is { Length: > 0 }
        || result.GetValue(SecretHeaders) is { Length: > 0 }
        || Checks.AnyGiven(result);

    /// <summary>The full-form definition the flags describe; what they leave out takes the server's defaults.</summary>
    public JsonObject ToDefinition(ParseResult result)
    {
        var root = new JsonObject { ["schedule"] = new JsonObject(), ["target"] = new JsonObject() };
        foreach (var (option, pointer) in _fields)
        {
            JsonNode? value = option switch
            {
                Option<string> text => result.GetValue(text) is { } given ? JsonValue.Create(given) : null,
                Option<int?> number => result.GetValue(number) is { } given ? JsonValue.Create(given) : null,
                _ => throw new InvalidOperationException("A definition flag is text or a number."),
            };
            if (value is not null)
            {
                SetAt(root, pointer, value);
            }
        }

        // An audience is all a managed identity token needs; the type is the only one there is.
        if (root["target"]?["auth"] is JsonObject auth)
        {
            auth["type"] = "managedIdentity";
        }

        HeaderPairs.Add(root, "target", "headers", Headers, result);
        HeaderPairs.Add(root, "target", "secretHeaders", SecretHeaders, result);
        Checks.Apply(root, result);
        return root;
    }

    /// <summary>The flag that fills <paramref name="pointer"/>, or null when no single flag does.</summary>
    public string? FlagFor(string pointer)
    {
        if (_fields.FirstOrDefault(field => field.Pointer == pointer).Option is { } option)
        {
            return option.Name;
        }

        return pointer switch
        {
            "/schedule" => "--cron, --interval or --at",
            "/target" => "--header and --secret-header",
            "/target/auth" or "/target/auth/type" => "--auth-audience",
            _ when pointer.StartsWith("/target/headers/", StringComparison.Ordinal) => "--header " + HeaderPairs.Unescape(pointer["/target/headers/".Length..]),
            _ when pointer.StartsWith("/target/secretHeaders/", StringComparison.Ordinal) => "--secret-header " + HeaderPairs.Unescape(pointer["/target/secretHeaders/".Length..]),
            _ => Checks.FlagFor(pointer),
        };
    }

    private void Text(string name, string pointer, string description) =>
        _fields.Add((new Option<string>(name) { Description = description }, pointer));

    private void Number(string name, string pointer, string description) =>
        _fields.Add((new Option<int?>(name) { Description = description }, pointer));

    private static void SetAt(JsonObject root, string pointer, JsonNode? value)
    {
        var names = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var node = root;
        foreach (var name in names[..^1])
        {
            if (node[name] is not JsonObject child)
            {
                child = new JsonObject();
                node[name] = child;
            }

            node = child;
        }

        node[names[^1]] = value;
    }
}
