using FunctionScheduler.Cli.Commands;
using FunctionScheduler.Client;

namespace FunctionScheduler.Cli.Connection;

/// <summary>
/// Where to connect and with which key, from the first source that says: flags, then environment variables
/// (FUNCTIONSCHEDULER_ENDPOINT, FUNCTIONSCHEDULER_API_KEY, FUNCTIONSCHEDULER_FUNCTION_KEY), then the config file.
/// The two keys come as a pair from one source, so a --function-key on the command line is not joined by an API
/// key from the environment.
/// </summary>
internal static class ConnectionSettings
{
    public const string EndpointVariable = "FUNCTIONSCHEDULER_ENDPOINT";
    public const string ApiKeyVariable = "FUNCTIONSCHEDULER_API_KEY";
    public const string FunctionKeyVariable = "FUNCTIONSCHEDULER_FUNCTION_KEY";

    public static void Apply(FunctionSchedulerClientOptions options, GlobalValues flags, CliConsole console)
    {
        var file = ConfigFile.Load(flags.ConfigPath, console);
        var endpoint = First(
            (flags.Endpoint, "--endpoint"),
            (console.Environment(EndpointVariable), EndpointVariable),
            (file.Endpoint, "the config file's \"endpoint\""));
        if (endpoint is not var (text, source))
        {
            throw new CliUsageException($"No endpoint: pass --endpoint, set {EndpointVariable} or write \"endpoint\" in the config file.");
        }

        options.Endpoint = Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new CliUsageException($"{source}: '{text}' is not an absolute URL such as http://127.0.0.1:5080.");

        (options.ApiKey, options.FunctionKey) =
            flags.ApiKey is not null || flags.FunctionKey is not null ? (flags.ApiKey, flags.FunctionKey)
            : console.Environment(ApiKeyVariable) is { } apiKey ? (apiKey, null)
            : console.Environment(FunctionKeyVariable) is { } functionKey ? (null, functionKey)
            : (file.ApiKey, file.FunctionKey);
    }

    private static (string Value, string Source)? First(params (string? Value, string Source)[] candidates) =>
        candidates.Where(c => !string.IsNullOrEmpty(c.Value)).Select(c => ((string Value, string Source)?)(c.Value!, c.Source)).FirstOrDefault();
}
