using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Testing.Conformance;

/// <summary>
/// Whether and how a scenario runs on a real clock. Its timeline is moved onto the present by a whole multiple of
/// its <see cref="Alignment"/>: the shortest of a second, a minute, an hour and a day by which moving every schedule
/// the scenario creates maps each of its occurrences onto an occurrence (checked with the core's own calendar), so
/// that the moved scenario asserts what the original does. Real time then passes as far as its steps advance.
/// What stops a scenario: downtime, a stall, run ids (they encode instants), a schedule no such offset keeps (daylight
/// saving in its zone), or more real time than the runtime's budget.
/// </summary>
public sealed record RealClockFit(TimeSpan Span, TimeSpan? Alignment, IReadOnlyList<string> Obstacles)
{
    private static readonly TimeSpan[] Alignments = [TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1)];

    // Occurrences compared per schedule, from the scenario's start to a day past its end: enough for every fire and
    // next-fire instant a scenario can name, few enough to stay cheap for an every-second cron.
    private const int MaxCompared = 1000;

    /// <summary>The most real time the scenario takes: the wait for an aligned start (under one alignment) and its span.</summary>
    public TimeSpan RealTime => (Alignment ?? TimeSpan.Zero) + Span;

    public bool Runs => Obstacles.Count == 0;

    public static RealClockFit Of(Scenario scenario, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var obstacles = new List<string>();
        var span = SpanOf(scenario, obstacles);
        TimeSpan? alignment = null;
        if (scenario.Steps.Any(NamesRunIds))
        {
            obstacles.Add("it names run ids, which encode their occurrence's instant, so its timeline cannot be moved");
        }
        else
        {
            alignment = AlignmentOf(scenario, span, obstacles);
        }

        var realTime = (alignment ?? TimeSpan.Zero) + span;
        if (realTime > budget)
        {
            obstacles.Add(string.Create(CultureInfo.InvariantCulture, $"it needs up to {realTime} of real time (span {span}, aligned start within {alignment ?? TimeSpan.Zero}); the budget is {budget}"));
        }

        return new RealClockFit(span, alignment, obstacles);
    }

    /// <summary>The offset that moves <paramref name="start"/> to the first aligned instant at or after <paramref name="earliest"/>.</summary>
    public TimeSpan OffsetFrom(DateTimeOffset start, DateTimeOffset earliest)
    {
        var alignment = (Alignment ?? throw new InvalidOperationException("The scenario cannot be moved: " + string.Join("; ", Obstacles))).Ticks;
        var ticks = (earliest - start).Ticks;
        var periods = ticks / alignment + (ticks % alignment > 0 ? 1 : 0);
        return TimeSpan.FromTicks(periods * alignment);
    }

    /// <summary>Whether moving the scenario by <paramref name="offset"/> maps every occurrence of its schedules onto an occurrence.</summary>
    public static bool Keeps(Scenario scenario, TimeSpan offset, TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var moved = ScenarioShift.By(scenario, offset);
        var until = scenario.Start + span + TimeSpan.FromDays(1);
        return Schedules(scenario).Zip(Schedules(moved)).All(pair =>
            Occurrences(pair.First, scenario.Start, until).Select(o => o + offset).SequenceEqual(Occurrences(pair.Second, scenario.Start + offset, until + offset)));
    }

    private static TimeSpan SpanOf(Scenario scenario, List<string> obstacles)
    {
        var now = scenario.Start;
        foreach (var step in scenario.Steps)
        {
            var verb = step.EnumerateObject().First();
            switch (verb.Name)
            {
                case "advance":
                    now += XmlConvert.ToTimeSpan(verb.Value.GetString()!);
                    break;
                case "advanceTo" when verb.Value.GetDateTimeOffset() > now:
                    now = verb.Value.GetDateTimeOffset();
                    break;
                case "down":
                    now += XmlConvert.ToTimeSpan(verb.Value.GetString()!);
                    obstacles.Add($"it takes the runtime down ({verb.Value.GetString()}): the real engine is not stopped mid-scenario (the in-memory backend would lose its task hub), and downtime is real time");
                    break;
                case "stall":
                    now += XmlConvert.ToTimeSpan(verb.Value.GetString()!);
                    obstacles.Add("it stalls delivery: the real engine is not stalled mid-scenario (its overdue check is tested on a suspended orchestration instead), and a stall is real time");
                    break;
            }
        }

        return now - scenario.Start;
    }

    private static TimeSpan? AlignmentOf(Scenario scenario, TimeSpan span, List<string> obstacles)
    {
        foreach (var alignment in Alignments)
        {
            if (Keeps(scenario, alignment, span))
            {
                return alignment;
            }
        }

        var crons = Schedules(scenario).Where(s => s.Schedule.Kind == ScheduleKind.Cron).Select(s => $"'{s.Schedule.Cron}' in {s.Schedule.TimeZone}");
        obstacles.Add($"no move by whole seconds, minutes, hours or days maps the occurrences of its schedules ({string.Join(", ", crons)}) onto occurrences: a zone's daylight saving moves local time against UTC, and a calendar coarser than a day has no such period");
        return null;
    }

    // The definitions the scenario's creates and puts send that the API accepts, in step order.
    private static IEnumerable<ScheduledTask> Schedules(Scenario scenario)
    {
        foreach (var step in scenario.Steps)
        {
            var (body, routeId) = step.EnumerateObject().First() switch
            {
                { Name: "create", Value: var task } => (task, (string?)null),
                { Name: "put", Value: var put } => (put.GetProperty("task"), put.GetProperty("id").GetString()),
                _ => (default, null),
            };
            if (body.ValueKind == JsonValueKind.Object
                && TaskDefinitionReader.Read(Encoding.UTF8.GetBytes(body.GetRawText()), new DefinitionContext(routeId)) is { IsValid: true } read)
            {
                yield return read.Value;
            }
        }
    }

    // Nominal instants only: jitter is a function of the absolute instant and keeps no period, so a scenario that
    // pinned a jittered delivery instant would fail once moved (no such scenario exists), never pass by accident.
    private static IEnumerable<DateTimeOffset> Occurrences(ScheduledTask task, DateTimeOffset from, DateTimeOffset until)
    {
        var state = TaskRunState.New(from);
        return ScheduleCalendar.Upcoming(task, state, from, MaxCompared).Select(o => o.ScheduledAt).TakeWhile(at => at <= until);
    }

    private static bool NamesRunIds(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(p => p.Name == "runId" || NamesRunIds(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(NamesRunIds),
        _ => false,
    };
}
