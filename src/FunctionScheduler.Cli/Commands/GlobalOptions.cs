using System.CommandLine;
using FunctionScheduler.Cli.Connection;
using FunctionScheduler.Cli.Output;

namespace FunctionScheduler.Cli.Commands;

/// <summary>Options every command takes: where the scheduler is, the key, and the output format.</summary>
internal sealed class GlobalOptions
{
    public Option<string> Endpoint { get; } = new("--endpoint", "-e")
    {
        Description = $"The scheduler's base address, e.g. http://127.0.0.1:5080 (or {ConnectionSettings.EndpointVariable}).",
        Recursive = true,
    };

    public Option<string> ApiKey { get; } = new("--api-key")
    {
        Description = $"The standalone host's key, sent as X-Api-Key (prefer {ConnectionSettings.ApiKeyVariable}: flags show in process lists).",
        Recursive = true,
    };

    public Option<string> FunctionKey { get; } = new("--function-key")
    {
        Description = $"An Azure Functions key, sent as x-functions-key (or {ConnectionSettings.FunctionKeyVariable}).",
        Recursive = true,
    };

    public Option<string> Config { get; } = new("--config")
    {
        Description = $"A JSON config file with endpoint and apiKey or functionKey (or {ConfigFile.EnvironmentVariable}; default ~/.config/functionscheduler/config.json).",
        Recursive = true,
    };

    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "table for people, json for scripts (the API's representations).",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Endpoint);
        root.Options.Add(ApiKey);
        root.Options.Add(FunctionKey);
        root.Options.Add(Config);
        root.Options.Add(Output);
    }

    public GlobalValues Read(ParseResult result) => new(
        result.GetValue(Endpoint), result.GetValue(ApiKey), result.GetValue(FunctionKey), result.GetValue(Config), result.GetValue(Output));
}
