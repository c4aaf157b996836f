using BenchmarkDotNet.Running;
using FunctionScheduler.Benchmarks.Load;

// One entry point for every suite: pick with --filter (e.g. --filter '*NextOccurrence*'), or interactively.
// "load" runs the standalone runtime's load harness instead (see Load/LoadHarness.cs).
if (args is [LoadHarness.Command, .. var rest])
{
    return await LoadHarness.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
