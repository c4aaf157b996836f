using BenchmarkDotNet.Running;
using FunctionScheduler.Benchmarks.Chaos;
using FunctionScheduler.Benchmarks.Load;

// One entry point for every suite: pick with --filter (e.g. --filter '*NextOccurrence*'), or interactively.
// "load" runs the standalone runtime's load harness instead (see Load/LoadHarness.cs), "chaos" its chaos harness
// (see Chaos/ChaosHarness.cs).
if (args is [LoadHarness.Command, .. var rest])
{
    return await LoadHarness.RunAsync(rest);
}

if (args is [ChaosHarness.Command, .. var chaos])
{
    return await ChaosHarness.RunAsync(chaos);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
