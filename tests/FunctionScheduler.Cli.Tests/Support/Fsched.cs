using FunctionScheduler.Client.Tests.Support;
using FunctionScheduler.Standalone.Tests.Support;

namespace FunctionScheduler.Cli.Tests.Support;

/// <summary>Runs the tool's entry point in process with its own streams and environment.</summary>
internal sealed class Fsched(IReadOnlyDictionary<string, string?> environment)
{
    /// <summary>A tool whose environment points at the fixture's host with its key, as a user's shell would.</summary>
    public static Fsched For(SchedulerHostFixture fixture) => new(new Dictionary<string, string?>
    {
        ["FUNCTIONSCHEDULER_ENDPOINT"] = fixture.Host.BaseAddress.AbsoluteUri,
        ["FUNCTIONSCHEDULER_API_KEY"] = StandaloneTestHost.ApiKey,
    });

    public Fsched With(string name, string? value) => new(new Dictionary<string, string?>(environment) { [name] = value });

    public async Task<CliResult> RunAsync(params string[] args) => await RunWithInputAsync(string.Empty, args);

    public async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var exitCode = await CliApp.RunAsync(args, new CliConsole(output, error, reader, name => environment.GetValueOrDefault(name)));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>What one run of the tool did.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- out\n{Out}\n--- error\n{Error}";
}
