using FunctionScheduler.Core.Api;
using FunctionScheduler.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionScheduler.Functions.Http;

/// <summary>
/// The health probe: anonymous, so load balancers and uptime checks need no key; HEAD too, for probes that ask
/// without a body. It names no instance: the host does not check keys on an anonymous function, so the worker
/// cannot tell an operator from anyone else, and tells nobody where it runs.
/// </summary>
public sealed class HealthFunction(ApiEndpoint endpoint, HealthCheck health)
{
    [Function("Health")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "health")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return endpoint.RunAsync(request.HttpContext, cancellationToken => health.CheckAsync(instance: null, cancellationToken));
    }
}
