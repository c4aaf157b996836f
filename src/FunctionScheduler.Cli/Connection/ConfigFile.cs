using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionScheduler.Cli.Connection;

/// <summary>
/// The small config file: <c>{ "endpoint": "http://127.0.0.1:5080", "apiKey": "..." }</c> (or "functionKey").
/// Read from --config, else $FUNCTIONSCHEDULER_CONFIG, else functionscheduler/config.json under the user's config
/// folder ($XDG_CONFIG_HOME or ~/.config), which may be absent.
/// </summary>
internal sealed record ConfigFile
{
    public const string EnvironmentVariable = "FUNCTIONSCHEDULER_CONFIG";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public string? Endpoint { get; init; }

    public string? ApiKey { get; init; }

    public string? FunctionKey { get; init; }

    /// <summary>The file's settings; an empty set when no file is named and the default one does not exist.</summary>
    /// <exception cref="CliUsageException">A named file is missing, or a file is not the expected JSON.</exception>
    public static ConfigFile Load(string? path, CliConsole console)
    {
        var named = path ?? console.Environment(EnvironmentVariable);
        var file = named ?? DefaultPath();
        if (!File.Exists(file))
        {
            return named is null ? new ConfigFile() : throw new CliUsageException($"The config file '{named}' does not exist.");
        }

        try
        {
            return JsonSerializer.Deserialize<ConfigFile>(File.ReadAllText(file), Json) ?? new ConfigFile();
        }
        catch (JsonException exception)
        {
            throw new CliUsageException($"The config file '{file}' is not valid: {exception.Message} Expected {{ \"endpoint\": ..., \"apiKey\" or \"functionKey\": ... }}.");
        }
    }

    private static string DefaultPath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "functionscheduler", "config.json");
}
