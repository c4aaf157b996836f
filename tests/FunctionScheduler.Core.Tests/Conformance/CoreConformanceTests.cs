using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.DependencyInjection;
using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Telemetry;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.DependencyInjection;
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

        await using var services = BuildServices(context);
        var tables = services.GetRequiredService<SchedulerTables>();
        try
        {
            var runtime = new CoreConformanceRuntime(
                context,
                services.GetRequiredService<TasksApi>(),
                services.GetRequiredService<TaskExecutor>(),
                services.GetRequiredService<ITaskStore>(),
                services.GetRequiredService<IRunLog>(),
                services.GetRequiredService<WakeRegistry>());

            await new ScenarioRunner(scenario, runtime, context).RunAsync();
        }
        finally
        {
            await tables.DeleteAllAsync();
        }
    }

    public static TheoryData<string> Scenarios() => ScenarioFiles.Names();

    private static ServiceProvider BuildServices(ScenarioContext context)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(context.Clock);
        services.AddSchedulerStorage(o =>
        {
            o.ConnectionString = context.StorageConnectionString;
            o.TablePrefix = context.TablePrefix;
        });
        services.AddSingleton<ITargetInvoker>(context.Target);
        services.AddSingleton<SchedulerMetrics>();
        services.AddSingleton<WakeRegistry>();
        services.AddSingleton<ITaskChangeNotifier>(sp => sp.GetRequiredService<WakeRegistry>());
        services.AddSingleton<TasksApi>();
        services.AddSingleton<TaskExecutor>();
        return services.BuildServiceProvider();
    }
}
