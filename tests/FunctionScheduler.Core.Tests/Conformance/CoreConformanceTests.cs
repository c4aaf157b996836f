using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Conformance;

/// <summary>Every scenario in tests/conformance, run against the core's reference driver over real Azurite.</summary>
public sealed class CoreConformanceTests
{
    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_RunAgainstCore_MeetsEveryExpectation(string name)
    {
        var scenario = ScenarioFiles.Load(name);
        var clock = new FakeTimeProvider(scenario.Start);
        var context = new ScenarioContext(clock, new ScriptedTarget(clock), AzuriteStorage.ConnectionString, AzuriteStorage.NewTablePrefix("conf"));
        var wakes = new WakeRegistry(clock);

        await using var core = new CoreServices(clock, context.Target, wakes);
        var runtime = new CoreConformanceRuntime(context, core.Api, core.Executor, core.Store, core.Runs, core.Monitor, wakes);

        await new ScenarioRunner(scenario, runtime, context).RunAsync();
    }

    public static TheoryData<string> Scenarios() => ScenarioFiles.Names();
}
