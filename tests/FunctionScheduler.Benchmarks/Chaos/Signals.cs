using System.Diagnostics;

namespace FunctionScheduler.Benchmarks.Chaos;

/// <summary>
/// Sends a POSIX signal to one process by its PID (through kill(1)): SIGTERM for a graceful stop, SIGSTOP and
/// SIGCONT to pause and continue Azurite. Only ever used on processes this harness started.
/// </summary>
internal static class Signals
{
    public static async Task SendAsync(int processId, string signal)
    {
        var start = new ProcessStartInfo("kill") { RedirectStandardError = true };
        start.ArgumentList.Add("-" + signal);
        start.ArgumentList.Add(processId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var kill = Process.Start(start) ?? throw new InvalidOperationException("kill(1) did not start.");
        var error = await kill.StandardError.ReadToEndAsync();
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {processId} failed: {error.Trim()}");
        }
    }
}
