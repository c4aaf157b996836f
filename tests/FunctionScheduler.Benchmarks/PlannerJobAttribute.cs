using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace FunctionScheduler.Benchmarks;

/// <summary>
/// The job the planner suites run with: 2 launches, each with 5 warm-up and 20 measured iterations. Shorter than
/// BenchmarkDotNet's default job so that a run fits on the shared 2-core development machine, where other builds
/// add noise; medians rather than means are quoted for that reason.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PlannerJobAttribute : Attribute, IConfigSource
{
    public PlannerJobAttribute() =>
        Config = ManualConfig.CreateEmpty().AddJob(Job.Default
            .WithLaunchCount(2)
            .WithWarmupCount(5)
            .WithIterationCount(20)
            .WithId("Planner"));

    public IConfig Config { get; }
}
