using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Azure.Functions.Worker.Http;

// Surface-only helper (no real counterpart). The real JSON helpers serialize with
// IOptions<WorkerOptions>.Value.Serializer, an Azure.Core ObjectSerializer that the worker builds over the app's
// JsonSerializerOptions (WorkerHostBuilderExtensions.cs@5d1112f74c35 documents the default as "ignore casing on
// property names"). The surface has no Azure.Core dependency, so it uses System.Text.Json directly: the registered
// IOptions<JsonSerializerOptions> when the context has services, else case-insensitive defaults.
internal static class SurfaceJsonOptions
{
    private static readonly JsonSerializerOptions Fallback = new() { PropertyNameCaseInsensitive = true };

    internal static JsonSerializerOptions For(FunctionContext context)
    {
        // A loose Moq FunctionContext returns null here even though the real property is non-nullable.
        IServiceProvider? services = context.InstanceServices;
        return services?.GetService<IOptions<JsonSerializerOptions>>()?.Value ?? Fallback;
    }
}
