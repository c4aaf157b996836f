namespace FunctionScheduler.Cli;

/// <summary>What the tool reads and writes besides the network, so tests can run it in process.</summary>
/// <param name="Out">Results (tables or JSON).</param>
/// <param name="Error">Errors and diagnostics.</param>
/// <param name="In">Standard input, read by <c>--file -</c>.</param>
/// <param name="Environment">Looks up an environment variable.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In, Func<string, string?> Environment)
{
    /// <summary>The process's own streams and environment.</summary>
    public static CliConsole System { get; } = new(Console.Out, Console.Error, Console.In, global::System.Environment.GetEnvironmentVariable);
}
