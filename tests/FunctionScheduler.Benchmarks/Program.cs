using BenchmarkDotNet.Running;
using FunctionScheduler.Benchmarks.Chaos;
using FunctionScheduler.Benchmarks.Load;
using FunctionScheduler.Benchmarks.Peers;

// One entry point for every suite: pick with --filter (e.g. --filter '*NextOccurrence*'), or interactively.
// "load" runs the standalone runtime's load harness instead (see Load/LoadHarness.cs), "chaos" its chaos harness
// (see Chaos/ChaosHarness.cs), "peers" ours beside Quartz.NET (see Peers/PeerHarness.cs).
if (args is [LoadHarness.Command, .. var rest])
{
    return await LoadHarness.RunAsync(rest);
}

if (args is [ChaosHarness.Command, .. var chaos])
{
    return await ChaosHarness.RunAsync(chaos);
}

if (args is [PeerHarness.Command, .. var peers])
{
    return await PeerHarness.RunAsync(peers);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
