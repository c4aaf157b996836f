using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DurableTask.AzureStorage;
using DurableTask.Core;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Functions.Tests.Engine;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Conformance;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Functions.Tests.EngineConformance;

/// <summary>
/// Runs every scenario of <see cref="RealClockScenarios.Runnable"/> on both backends at once, as soon as the test
/// class starts: each takes minutes of real time, nearly all of it waiting, so one after another would cost their
/// sum. Each test then awaits its own run (its failure is the run's) and writes the run's report.
/// </summary>
public sealed class EngineScenarioRuns : IAsyncLifetime
{
    public const string InMemory = "in-memory";
    public const string AzureStorage = "azure-storage";

    // A moment between the engine being up and the scenario's first step, so the first step is not already late.
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(1);

    private readonly Dictionary<(string Backend, string Scenario), Task> _runs = [];
    private readonly ConcurrentDictionary<(string Backend, string Scenario), string> _reports = new();

    public static IReadOnlyList<string> Backends { get; } = [InMemory, AzureStorage];

    public Task InitializeAsync()
    {
        foreach (var backend in Backends)
        {
            foreach (var name in RealClockScenarios.Runnable())
            {
                _runs[(backend, name)] = Task.Run(() => RunAsync(backend, name));
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The run of <paramref name="scenario"/> on <paramref name="backend"/>: completes when it passed, faults when it failed.</summary>
    public Task Of(string backend, string scenario) => _runs[(backend, scenario)];

    public string ReportOf(string backend, string scenario) => _reports.GetValueOrDefault((backend, scenario), "(no report)");

    public async Task DisposeAsync() => await Task.WhenAll(_runs.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private async Task RunAsync(string backend, string name)
    {
        var report = new List<string>();
        var total = Stopwatch.StartNew();
        var logs = new LogCounter();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Warning));
        var target = new ScriptedTarget(TimeProvider.System);
        var tablePrefix = AzuriteStorage.NewTablePrefix("rc" + name);
        var clock = new StepClock();
        var tasks = new FunctionTasks();
        var (service, cleanUp) = await BackendAsync(backend, loggers);
        try
        {
            await using (var engine = await DurableEngine.StartAsync(service, tasks, DurableEngine.Settings(tablePrefix), logs, services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
                services.Replace(ServiceDescriptor.Singleton<ITargetInvoker>(target));
            }))
            {
                await engine.WarmUpAsync(TimeSpan.FromSeconds(60));
                var scenario = ScenarioFiles.Load(name);
                var fit = RealClockFit.Of(scenario, RealClockScenarios.Budget);
                var offset = fit.OffsetFrom(scenario.Start, DateTimeOffset.UtcNow + Lead);
                Assert.True(RealClockFit.Keeps(scenario, offset, fit.Span), $"Moving '{name}' by {offset} does not keep its schedules' occurrences.");
                var moved = ScenarioShift.By(scenario, offset);
                var context = new ScenarioContext(new FakeTimeProvider(moved.Start), target, AzuriteStorage.ConnectionString, tablePrefix, EngineConformanceRuntime.AllowedLateness);
                report.Add(string.Create(CultureInfo.InvariantCulture, $"{backend} {name}: moved by {offset} (alignment {fit.Alignment}); engine up in {total.Elapsed.TotalSeconds:F1} s, then {(moved.Start - DateTimeOffset.UtcNow).TotalSeconds:F1} s to the aligned start {moved.Start:O}"));

                await new ScenarioRunner(moved, new EngineConformanceRuntime(context, engine, clock), context).RunAsync();

                var fires = target.Fires;
                report.Add(string.Create(CultureInfo.InvariantCulture, $"passed: {(DateTimeOffset.UtcNow - moved.Start).TotalSeconds:F1} s of real time for a timeline of {fit.Span}; {fires.Count} fires, {tasks.Passes} orchestrator passes"));
                if (fires.Count > 0)
                {
                    report.Add($"lateness (delivery after the fire's instant): {Lateness.Describe([.. fires.Select(f => f.DeliveredAt - f.Occurrence.FireAt)])}");
                    report.AddRange(fires.Select(f => string.Create(CultureInfo.InvariantCulture, $"  {f.TaskId} {f.Occurrence.Kind} due {f.Occurrence.FireAt:HH:mm:ss.fff} +{(f.DeliveredAt - f.Occurrence.FireAt).TotalMilliseconds:F0} ms")));
                }

                await AssertSettledAsync(engine, logs);
            }
        }
        finally
        {
            report.Add(string.Create(CultureInfo.InvariantCulture, $"{total.Elapsed.TotalSeconds:F1} s in all, engine start and clean-up included"));
            _reports[(backend, name)] = string.Join(Environment.NewLine, report);
            await cleanUp();
            await DurableEngine.DeleteTablesAsync(tablePrefix);
        }
    }

    // What the fake-Durable conformance runtime checks of its instances, asked of the real engine: none failed, and
    // nothing the engine or the app did was logged as an error.
    private static async Task AssertSettledAsync(DurableEngine engine, LogCounter logs)
    {
        var failed = new List<string>();
        await foreach (var instance in engine.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Failed] }))
        {
            failed.Add(instance.InstanceId);
        }

        Assert.True(failed.Count == 0, $"Failed instances: {string.Join(", ", failed)}");
        Assert.True(logs.Errors.Count == 0, $"{logs.Errors.Count} errors logged, the first: {string.Join(Environment.NewLine, logs.Errors.Take(3))}");
    }

    private static async Task<(IOrchestrationService Service, Func<Task> CleanUp)> BackendAsync(string backend, ILoggerFactory loggers)
    {
        if (backend == InMemory)
        {
            return (EngineBackends.InMemory(loggers), () => Task.CompletedTask);
        }

        AzureStorageOrchestrationService service = await EngineBackends.AzureStorageAsync(EngineBackends.NewTaskHub(), loggers);
        return (service, () => service.DeleteAsync());
    }
}
