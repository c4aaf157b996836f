namespace FunctionScheduler.Benchmarks.Chaos;

/// <summary>
/// The chaos harness: <c>dotnet run -c Release --project tests/FunctionScheduler.Benchmarks -- chaos [--short]
/// [--assert] [options]</c> (options: <see cref="ChaosOptions.Parse"/>). N standalone hosts as child processes on
/// one Azurite of its own, M every-second tasks to a receiver on 127.0.0.1, kill -9 and restarts on a schedule, a
/// rolling restart and an Azurite pause; prints a Markdown report (docs/benchmarks/chaos.md records runs). Bounded
/// by <see cref="ChaosOptions.Budget"/>: it stops by itself, and stops only the processes it started, by PID.
/// </summary>
internal static class ChaosHarness
{
    public const string Command = "chaos";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ChaosOptions.Parse(args);
        using var budget = new CancellationTokenSource(options.Budget);
        var run = await new ChaosRun(options, Console.Out).RunAsync(budget.Token);
        var (report, passed) = ChaosReport.Build(run);
        Console.Out.WriteLine();
        Console.Out.WriteLine(report);
        if (options.Output is { } output)
        {
            await File.WriteAllTextAsync(output, report + Environment.NewLine);
        }

        return options.Assert && !passed ? 1 : 0;
    }
}
