using FunctionScheduler.Testing.Http;

namespace FunctionScheduler.Functions.Tests.Http;

/// <summary>
/// The shared HTTP contract against the Functions app's functions. Keys are the Functions host's to check (it
/// answers 401 before the worker sees a request), so both clients are the same here.
/// </summary>
public sealed class FunctionsHttpContractTests(FunctionsHttpFixture fixture) : HttpContractTests, IClassFixture<FunctionsHttpFixture>
{
    protected override HttpClient Client => fixture.Client;

    protected override HttpClient Anonymous => fixture.Client;

    protected override string DashboardPath => "api/dashboard/";

    protected override string DashboardKeyHeader => "x-functions-key";
}
