using DurableTask.Core;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace FunctionScheduler.Functions.Tests.Engine;

/// <summary>The real-engine scenarios on the Durable Task test host's in-memory backend.</summary>
public sealed class InMemoryEngineTests(ITestOutputHelper output) : RealEngineTests(output)
{
    protected override double MaxPassesPerFire => 2;

    internal override Task<IOrchestrationService> NewBackendAsync(ILoggerFactory loggers) => Task.FromResult(EngineBackends.InMemory(loggers));

    internal override Task CleanUpBackendAsync() => Task.CompletedTask;
}
