using FunctionScheduler.Cli.Output;

namespace FunctionScheduler.Cli.Commands;

/// <summary>The values of the options every command takes.</summary>
internal sealed record GlobalValues(string? Endpoint, string? ApiKey, string? FunctionKey, string? ConfigPath, OutputFormat Output);

