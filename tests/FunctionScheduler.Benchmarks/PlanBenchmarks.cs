using BenchmarkDotNet.Attributes;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;

namespace FunctionScheduler.Benchmarks;

/// <summary>
/// A whole <see cref="TaskPlanner.Plan"/> call in the common case: one occurrence just became due, nothing in
/// flight, no run-now request. Allocation included (the decision, the next state, the claim).
/// </summary>
[PlannerJob]
[MedianColumn]
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2025, 3, 5, 10, 5, 2, TimeSpan.Zero);
    private static readonly ClaimRequest Claim = new("host-a", TimeSpan.FromMinutes(5));

    private readonly ScheduledTask _cronTask = Task(new TaskSchedule
    {
        Kind = ScheduleKind.Cron,
        Cron = "*/5 * * * *",
        TimeZone = "Europe/London",
        Jitter = TimeSpan.FromSeconds(1),
    });

    private readonly ScheduledTask _intervalTask = Task(new TaskSchedule
    {
        Kind = ScheduleKind.Interval,
        Interval = TimeSpan.FromMinutes(5),
        StartAt = Created,
        Jitter = TimeSpan.FromSeconds(1),
    });

    // Last handled 10:00; 10:05 is due at 10:05:02 (its jitter is under a second).
    private readonly TaskRunState _state = TaskRunState.New(Created) with
    {
        Cursor = new DateTimeOffset(2025, 3, 5, 10, 0, 0, TimeSpan.Zero),
        FireCount = 18_000,
    };

    [Benchmark]
    public PlanDecision PlanCron() => TaskPlanner.Plan(_cronTask, _state, Now, Claim);

    [Benchmark]
    public PlanDecision PlanInterval() => TaskPlanner.Plan(_intervalTask, _state, Now, Claim);

    private static ScheduledTask Task(TaskSchedule schedule) => new()
    {
        Id = "bench-plan",
        Schedule = schedule,
        Target = new HttpTarget { Url = new Uri("https://receiver.example/hook") },
    };
}
