namespace FunctionScheduler.Cli;

/// <summary>The command line, configuration or an input file cannot be used; exits with <see cref="ExitCodes.Usage"/>.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
