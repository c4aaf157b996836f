using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FunctionScheduler.Testing.Timing;

namespace FunctionScheduler.Standalone.Tests.Support;

/// <summary>
/// The standalone host as scripts/run.sh starts it: its own process (<c>dotnet FunctionScheduler.Standalone.dll</c>
/// from the project's build output) on a free loopback port. It can be stopped as an operator would (SIGTERM: the
/// dispatcher drains) or lost as a machine would (killed: nothing drains, claims stay in the index).
/// </summary>
internal sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private HostProcess(Process process, StringBuilder output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    /// <summary>Where it listens.</summary>
    public Uri Address { get; }

    /// <summary>Everything it wrote so far, standard output and error.</summary>
    public string Output => Text(_output);

    /// <summary>Starts the host in <paramref name="workingDirectory"/> with <paramref name="environment"/> and waits until it listens.</summary>
    public static async Task<HostProcess> StartAsync(string workingDirectory, IEnumerable<(string Name, string Value)> environment, TimeSpan bound)
    {
        var dll = Path.Combine(Folder(), "FunctionScheduler.Standalone.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; the test project's build makes it.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { dll, "--urls", "http://127.0.0.1:0" },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        Assert.True(process.Start());
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Uri? address = null;
        var listening = await Eventually.TrueAsync(() => process.HasExited || (address = Listening(Text(output))) is not null, bound);
        if (!listening || process.HasExited || address is null)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            Assert.Fail("The host did not start listening:" + Environment.NewLine + Text(output));
        }

        return new HostProcess(process, output, address!);
    }

    /// <summary>Stops it gracefully (SIGTERM) and waits for it to exit, killing it when it does not within <paramref name="bound"/>.</summary>
    public async Task StopAsync(TimeSpan bound)
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>Kills it at once, as a lost machine: nothing it was doing finishes or is recorded.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    /// <summary>The standalone project's own build output, beside this test project's: the folder scripts/run.sh runs.</summary>
    public static string Folder()
    {
        var testFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testFolder.Name;
        var configuration = testFolder.Parent!.Name;
        var root = testFolder;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "FunctionScheduler.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return Path.Combine(root.FullName, "src", "FunctionScheduler.Standalone", "bin", configuration, framework) + Path.DirectorySeparatorChar;
    }

    private static Uri? Listening(string output) =>
        ListeningRegex().Match(output) is { Success: true } match ? new Uri(match.Groups[1].Value + "/") : null;

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:[0-9]+)")]
    private static partial Regex ListeningRegex();
}
