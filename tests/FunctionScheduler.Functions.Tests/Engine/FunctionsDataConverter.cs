using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.DurableTask;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Functions.Tests.Engine;

/// <summary>
/// The <see cref="DataConverter"/> the isolated worker's Durable extension gives the Durable worker and client, got
/// the way the extension gets it: the worker core's services (whose <c>WorkerOptions.Serializer</c> is the worker's
/// JSON serializer) plus the extension's own startup, which wraps that serializer (its internal ObjectConverterShim)
/// and sets it as <see cref="DurableTaskWorkerOptions.DataConverter"/>. Payloads in the real-engine tests therefore
/// go through exactly what the Functions app's payloads go through.
/// </summary>
internal static class FunctionsDataConverter
{
    public static DataConverter Instance { get; } = Create();

    private static DataConverter Create()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var worker = services.AddFunctionsWorkerCore();
        new DurableTaskExtensionStartup().Configure(worker);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter;
    }
}
