using FunctionScheduler.Core.Api;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FunctionScheduler.Functions.Http;

/// <summary>The health probe: anonymous, so load balancers and uptime checks need no key.</summary>
public sealed class HealthFunction(HttpApi http, HealthCheck health)
{
    [Function("Health")]
    public Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData request) =>
        http.RunAsync(request, cancellationToken => health.CheckAsync(instance: null, cancellationToken));
}
