using FunctionScheduler.Testing.Conformance;

namespace FunctionScheduler.Functions.Tests.EngineConformance;

/// <summary>
/// The real-clock runtime's list of skipped scenarios against the rule and the documents, and the rule itself:
/// how far a scenario reaches and which moves keep its schedules.
/// </summary>
public sealed class RealClockScenariosTests
{
    public static TheoryData<string> Scenarios() => ScenarioFiles.Names();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Skipped_ListsExactlyTheScenariosThatDoNotFitARealClockWithinTheBudget(string name)
    {
        var fit = RealClockFit.Of(ScenarioFiles.Load(name), RealClockScenarios.Budget);

        Assert.True(
            RealClockScenarios.Skipped.ContainsKey(name) == !fit.Runs,
            fit.Runs
                ? $"'{name}' fits a real clock (up to {fit.RealTime} of real time) but is listed as skipped."
                : $"'{name}' does not fit a real clock but is not listed as skipped: {string.Join("; ", fit.Obstacles)}.");
    }

    [Theory]
    [InlineData("tests/conformance/README.md")]
    [InlineData("docs/functions.md")]
    public void Skipped_EachIsNamedInTheDocuments(string document)
    {
        var text = File.ReadAllText(Path.Combine(ScenarioFiles.Directory, "..", "..", document));

        Assert.All(RealClockScenarios.Skipped.Keys, name => Assert.Contains($"`{name}`", text, StringComparison.Ordinal));
        Assert.All(RealClockScenarios.Runnable(), name => Assert.Contains($"`{name}`", text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cron-every-minute",            "00:01:00")] // * * * * *: whole minutes
    [InlineData("two-tasks-jitter",             "00:01:00")] // the cron's minute; the interval's startAt moves with it
    [InlineData("interval-anchored-failures",   "00:00:01")] // anchored at its (moved) creation
    [InlineData("once",                         "00:00:01")] // its instant moves with it
    [InlineData("quartz-seconds-cron",          "01:00:00")] // 0 */5 * * * ?: a minute breaks it, an hour keeps it
    [InlineData("replace-changes-schedule",     "01:00:00")] // */5 after the replace
    [InlineData("cron-dst-berlin",              null)]       // 02:30 in Berlin across the spring-forward night
    [InlineData("replace-one-off-same-instant", null)]       // names run ids
    public void Fit_Alignment_IsTheShortestMoveThatKeepsEverySchedule(string name, string? alignment)
    {
        var fit = RealClockFit.Of(ScenarioFiles.Load(name), TimeSpan.MaxValue);

        Assert.Equal(alignment is null ? null : TimeSpan.Parse(alignment, System.Globalization.CultureInfo.InvariantCulture), fit.Alignment);
        Assert.Equal(alignment is null, fit.Obstacles.Count > 0);
    }

    [Theory]
    [InlineData("run-now",           "00:01:00")]   // advance PT1M
    [InlineData("cron-every-minute", "00:03:10")]   // 10:00:20 to 10:03:30
    [InlineData("downtime-skip",     "00:11:10")]   // down counts: it is real time too
    [InlineData("once",              "1.00:10:00")] // advanceTo, then advance P1D
    [InlineData("overdue",           "01:59:30")]   // a stall counts: it is real time too
    public void Fit_Span_IsHowFarTheStepsMoveTheClock(string name, string span)
    {
        var fit = RealClockFit.Of(ScenarioFiles.Load(name), TimeSpan.MaxValue);

        Assert.Equal(TimeSpan.Parse(span, System.Globalization.CultureInfo.InvariantCulture), fit.Span);
    }

    [Fact]
    public void Fit_Downtime_IsAnObstacleWhateverTheBudget()
    {
        var fit = RealClockFit.Of(ScenarioFiles.Load("downtime-skip"), TimeSpan.MaxValue);

        Assert.Contains(fit.Obstacles, o => o.Contains("down", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_Stall_IsAnObstacleWhateverTheBudget()
    {
        var fit = RealClockFit.Of(ScenarioFiles.Load("overdue"), TimeSpan.MaxValue);

        Assert.Contains(fit.Obstacles, o => o.Contains("stalls delivery", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-03-02T10:05:21Z", "00:06:00")] // the next minute's second 20
    [InlineData("2026-03-02T10:05:20Z", "00:05:00")] // exactly aligned: no wait
    [InlineData("2026-03-02T09:58:00Z", "-00:02:00")] // earlier than the start: the first aligned instant after it
    public void OffsetFrom_MovesTheStartToTheFirstAlignedInstantAtOrAfterTheEarliest(string earliest, string offset)
    {
        var scenario = ScenarioFiles.Load("cron-every-minute"); // starts 10:00:20, alignment one minute
        var fit = RealClockFit.Of(scenario, TimeSpan.MaxValue);

        Assert.Equal(TimeSpan.Parse(offset, System.Globalization.CultureInfo.InvariantCulture), fit.OffsetFrom(scenario.Start, DateTimeOffset.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Shift_MovesEveryInstantAndNothingElse()
    {
        var scenario = Scenario.Parse("s", """
            { "start": "2026-03-02T10:00:20Z", "steps": [
              { "create": { "id": "2026", "schedule": { "interval": "PT1M", "startAt": "2026-03-02T10:01:00Z", "endAt": "2026-03-02T10:08:00.5+01:00", "jitter": "PT20S" }, "target": { "url": "https://target.example/2026-03-02T10:00:00Z" } } },
              { "advance": "PT1M" }, { "advanceTo": "2026-03-02T10:03:30Z" },
              { "expectFires": [ "2026-03-02T10:01:00Z", { "scheduledAt": "2026-03-02T10:02:00Z", "kind": "scheduled" } ] },
              { "expectTask": { "id": "2026", "nextFireAt": null, "fireCount": 2 } } ] }
            """);

        var moved = ScenarioShift.By(scenario, TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        Assert.Equal(DateTimeOffset.Parse("2026-03-03T10:00:21Z", System.Globalization.CultureInfo.InvariantCulture), moved.Start);
        Assert.Equal(
            """
            {"create":{"id":"2026","schedule":{"interval":"PT1M","startAt":"2026-03-03T10:01:01Z","endAt":"2026-03-03T10:08:01.5+01:00","jitter":"PT20S"},"target":{"url":"https://target.example/2026-03-02T10:00:00Z"}}}
            {"advance":"PT1M"}
            {"advanceTo":"2026-03-03T10:03:31Z"}
            {"expectFires":["2026-03-03T10:01:01Z",{"scheduledAt":"2026-03-03T10:02:01Z","kind":"scheduled"}]}
            {"expectTask":{"id":"2026","nextFireAt":null,"fireCount":2}}
            """.ReplaceLineEndings("\n"),
            string.Join("\n", moved.Steps.Select(s => s.GetRawText())));
    }

    [Fact]
    public void Shift_ScenarioNamingRunIds_IsRefused() =>
        Assert.Throws<NotSupportedException>(() => ScenarioShift.By(ScenarioFiles.Load("replace-one-off-same-instant"), TimeSpan.FromMinutes(1)));

    [Fact]
    public void Keeps_MoveByLessThanTheSchedulesPeriod_IsFalse()
    {
        var scenario = ScenarioFiles.Load("cron-every-minute");

        Assert.False(RealClockFit.Keeps(scenario, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(4)));
        Assert.True(RealClockFit.Keeps(scenario, TimeSpan.FromDays(274) + TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(4)));
    }
}
