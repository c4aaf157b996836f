using System.Diagnostics;
using FunctionScheduler.Cli.Tests.Support;

namespace FunctionScheduler.Cli.Tests.Packaging;

/// <summary>Runs a program (dotnet, the installed tool) to completion within a bound, killing it and its children after.</summary>
internal static class DotnetCommand
{
    /// <summary>The configuration this test assembly was built in, so pack --no-build finds the same outputs.</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>The repository root: the nearest folder above the test assembly holding the solution.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<CliResult> RunAsync(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? bound = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(bound ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', args)}' did not finish within {bound ?? TimeSpan.FromMinutes(3)}.");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FunctionScheduler.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (FunctionScheduler.sln) is not above " + AppContext.BaseDirectory);
    }
}
