using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace FunctionScheduler.Benchmarks;

/// <summary>
/// The job the planner suites run with: one launch, 3 warm-up and 15 measured iterations. Shorter than the default
/// job so that a run fits on the 2-core development machine; medians rather than means are quoted for that reason.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PlannerJobAttribute : Attribute, IConfigSource
{
    public PlannerJobAttribute() =>
        Config = ManualConfig.CreateEmpty().AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithId("Planner"));

    public IConfig Config { get; }
}
