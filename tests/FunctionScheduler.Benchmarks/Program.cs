using BenchmarkDotNet.Running;

// One entry point for every suite: pick with --filter (e.g. --filter '*NextOccurrence*'), or interactively.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
