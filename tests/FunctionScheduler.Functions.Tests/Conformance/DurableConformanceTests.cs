using FunctionScheduler.Functions.Orchestration;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Functions.Tests.Conformance;

/// <summary>Every scenario in tests/conformance, run through the HTTP functions and the real orchestrator.</summary>
public class DurableConformanceTests
{
    public static TheoryData<string> Scenarios() => ScenarioFiles.Names();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_ThroughTheOrchestrator_MeetsEveryExpectation(string name)
    {
        var scenario = ScenarioFiles.Load(name);
        var clock = new FakeTimeProvider(scenario.Start);
        var context = new ScenarioContext(clock, new ScriptedTarget(clock), AzuriteStorage.ConnectionString, AzuriteStorage.NewTablePrefix(name));
        await using var runtime = new DurableConformanceRuntime(context);

        await new ScenarioRunner(scenario, runtime, context).RunAsync();

        // Every instance the scenario left is settled: none failed, none waits on a timer in the past.
        Assert.DoesNotContain(runtime.Durable.Instances, i => i.Status == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Failed);
        Assert.All(runtime.Durable.Instances, i => Assert.True(
            i.EarliestTimer is null || i.EarliestTimer > clock.GetUtcNow().UtcDateTime,
            $"{i.InstanceId} still waits on a timer due at {i.EarliestTimer:O}."));
        Assert.All(runtime.Durable.Instances, i => Assert.StartsWith(TaskInstance.Prefix, i.InstanceId, StringComparison.Ordinal));
    }
}
