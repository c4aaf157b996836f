using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Standalone.Tests.Conformance;

/// <summary>Every scenario in tests/conformance, run against the standalone host and its dispatcher.</summary>
public sealed class StandaloneConformanceTests
{
    [Theory]
    [MemberData(nameof(ScenarioFiles.Names), MemberType = typeof(ScenarioFiles))]
    public async Task Scenario_StandaloneRuntime_MeetsEveryExpectation(string name)
    {
        var scenario = ScenarioFiles.Load(name);
        var clock = new FakeTimeProvider(scenario.Start);
        var context = new ScenarioContext(clock, new ScriptedTarget(clock), AzuriteStorage.ConnectionString, AzuriteStorage.NewTablePrefix("conf"));
        await using var runtime = new StandaloneConformanceRuntime(context);
        await runtime.StartAsync();

        await new ScenarioRunner(scenario, runtime, context).RunAsync();
    }
}
