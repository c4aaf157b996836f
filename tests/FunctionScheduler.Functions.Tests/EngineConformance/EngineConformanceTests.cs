using Xunit.Abstractions;

namespace FunctionScheduler.Functions.Tests.EngineConformance;

/// <summary>
/// The conformance scenarios that fit a real clock (<see cref="RealClockScenarios"/>), through the app's HTTP
/// functions, orchestrator and activities on the real Durable Task engine, in memory and on Azure Storage over
/// Azurite, each moved onto the present. All runs start together with the class (<see cref="EngineScenarioRuns"/>).
/// </summary>
public sealed class EngineConformanceTests(EngineScenarioRuns runs, ITestOutputHelper output) : IClassFixture<EngineScenarioRuns>
{
    public static TheoryData<string, string> Runs()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in EngineScenarioRuns.Backends)
        {
            foreach (var name in RealClockScenarios.Runnable())
            {
                data.Add(backend, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Scenario_OnTheRealEngineAndClock_MeetsEveryExpectation(string backend, string name)
    {
        try
        {
            await runs.Of(backend, name);
        }
        finally
        {
            output.WriteLine(runs.ReportOf(backend, name));
        }
    }
}
