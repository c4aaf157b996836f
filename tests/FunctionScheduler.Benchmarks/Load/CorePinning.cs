using System.Diagnostics;
using System.Reflection;

namespace FunctionScheduler.Benchmarks.Load;

/// <summary>
/// Gives Azurite a core of its own and the harness (host, target, ceiling client) the other, with taskset. On two
/// shared cores the host's thread wake-ups otherwise preempt Azurite's single thread, and the storage ceiling, which
/// is measured with no host running, stops being the storage the workloads get. Pinned, the ceiling and the
/// workloads see the same split of the machine. <c>--no-pin</c> runs unpinned, for comparison.
/// </summary>
internal static class CorePinning
{
    public const int HarnessCore = 0;
    public const int StorageCore = 1;

    private const string Taskset = "/usr/bin/taskset";

    // Set in the re-started harness, so that it does not start itself again.
    private const string PinnedVariable = "FUNCTIONSCHEDULER_LOAD_PINNED";

    public static bool Available => Environment.ProcessorCount >= 2 && File.Exists(Taskset);

    public static bool IsPinned => Environment.GetEnvironmentVariable(PinnedVariable) == "1";

    /// <summary>Runs this harness again under taskset on <see cref="HarnessCore"/>, with the same arguments; returns its exit code.</summary>
    public static async Task<int> RestartPinnedAsync(string[] args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path to restart.");
        var start = OnCore(HarnessCore, host);
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.Ordinal))
        {
            // Started as 'dotnet FunctionScheduler.Benchmarks.dll ...': the muxer needs the assembly again.
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add(LoadHarness.Command);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[PinnedVariable] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("taskset did not start.");
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>Wraps a command so that it runs on <paramref name="core"/>.</summary>
    public static ProcessStartInfo OnCore(int core, string command)
    {
        var start = new ProcessStartInfo(Taskset);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(core.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(command);
        return start;
    }
}
