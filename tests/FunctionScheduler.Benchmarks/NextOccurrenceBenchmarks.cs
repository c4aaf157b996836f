using BenchmarkDotNet.Attributes;
using Cronos;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;

namespace FunctionScheduler.Benchmarks;

/// <summary>
/// The planner's next-occurrence look-up (<see cref="ScheduleCalendar.NextAfter"/>: cached compiled cron, bounds,
/// jitter, result) against raw Cronos on the same expression, per expression: the ratio column compares the two
/// within each <see cref="Case"/>. Target: the planner at most 1.25x raw Cronos.
/// </summary>
[PlannerJob]
[MedianColumn]
[MemoryDiagnoser]
public class NextOccurrenceBenchmarks
{
    private static readonly Dictionary<string, (string Expression, CronFormat Format, string Zone)> Cases = new()
    {
        ["Every5Min-UTC"] = ("*/5 * * * *", CronFormat.Standard, "UTC"),
        ["Seconds5Min-UTC"] = ("0 */5 * * * ?", CronFormat.IncludeSeconds, "UTC"),
        ["Weekdays9-NewYork"] = ("0 9 * * MON-FRI", CronFormat.Standard, "America/New_York"),
        ["MonthEnd-Berlin"] = ("0 0 L * *", CronFormat.Standard, "Europe/Berlin"),
        ["Hourly-Dublin"] = ("0 * * * *", CronFormat.Standard, "Europe/Dublin"),
    };

    private CronExpression _cron = null!;
    private TimeZoneInfo _zone = null!;
    private bool _isUtc;
    private DateTime _fromUtc;
    private DateTimeOffset _from;
    private ScheduledTask _task = null!;
    private TaskRunState _state = null!;

    [Params("Every5Min-UTC", "Seconds5Min-UTC", "Weekdays9-NewYork", "MonthEnd-Berlin", "Hourly-Dublin")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var (expression, format, zone) = Cases[Case];
        _cron = CronExpression.Parse(expression, format);
        _zone = TimeZoneInfo.FindSystemTimeZoneById(zone);
        _isUtc = zone == "UTC";
        _from = new DateTimeOffset(2025, 3, 5, 10, 2, 17, TimeSpan.Zero);
        _fromUtc = _from.UtcDateTime;
        _task = new ScheduledTask
        {
            Id = "bench-" + Case,
            Schedule = new TaskSchedule { Kind = ScheduleKind.Cron, Cron = expression, TimeZone = zone },
            Target = new HttpTarget { Url = new Uri("https://receiver.example/hook") },
        };
        _state = TaskRunState.New(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

        // Both sides must agree, or the comparison is meaningless.
        if (RawCronos() != Planner())
        {
            throw new InvalidOperationException($"Planner and Cronos disagree on {Case}.");
        }
    }

    /// <summary>Cronos' UTC overload for UTC expressions, its DateTimeOffset + zone overload otherwise.</summary>
    [Benchmark(Baseline = true)]
    public long RawCronos() => _isUtc
        ? _cron.GetNextOccurrence(_fromUtc)?.Ticks ?? 0
        : _cron.GetNextOccurrence(_from, _zone)?.UtcTicks ?? 0;

    [Benchmark]
    public long Planner() => ScheduleCalendar.NextAfter(_task, _state, _from)?.ScheduledAt.UtcTicks ?? 0;
}
