using FunctionScheduler.Testing.Http;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>The shared HTTP contract against the standalone host (the Functions app runs the same suite).</summary>
public sealed class StandaloneHttpContractTests(ApiHostFixture fixture) : HttpContractTests, IClassFixture<ApiHostFixture>, IDisposable
{
    private readonly HttpClient _anonymous = new() { BaseAddress = fixture.Host.BaseAddress };

    protected override HttpClient Client => fixture.Host.Client;

    protected override HttpClient Anonymous => _anonymous;

    protected override string DashboardPath => string.Empty;

    protected override string DashboardKeyHeader => "X-Api-Key";

    public void Dispose() => _anonymous.Dispose();
}
