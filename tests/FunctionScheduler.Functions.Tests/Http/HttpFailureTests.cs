using System.Net;
using Azure;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Http;
using FunctionScheduler.Functions.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionScheduler.Functions.Tests.Http;

/// <summary>Failures inside the handlers: each becomes a problem document in one place, never a bare 500 page.</summary>
public class HttpFailureTests
{
    public static TheoryData<string, Exception, int, string> Failures() => new()
    {
        { "storage unreachable", new RequestFailedException(0, "connection refused"), 503, Problems.UnavailableType },
        { "storage server error", new RequestFailedException(503, "server busy"), 503, Problems.UnavailableType },
        { "storage refuses the request", new RequestFailedException(403, "forbidden"), 500, HttpProblems.InternalType },
        { "contention beyond the retries", new ConcurrencyConflictException("stale"), 409, Problems.ConflictType },
        { "a bug", new InvalidOperationException("bug"), 500, HttpProblems.InternalType },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task AnyRoute_HandlerThrows_ProblemDocumentWithMappedStatus(string what, Exception error, int status, string type)
    {
        await using var app = new HttpTestApp(services => services.Replace(ServiceDescriptor.Singleton<ITaskStore>(new ThrowingTaskStore(error))));

        foreach (var (method, path, body) in new (string, string, string?)[]
        {
            ("POST", "/api/tasks", HttpTestApp.Task("nightly")),
            ("GET", "/api/tasks/nightly", null),
            ("GET", "/api/tasks", null),
            ("POST", "/api/tasks/nightly/run", null),
        })
        {
            var response = await app.SendAsync(method, path, body);

            Assert.True(status == (int)response.StatusCode, $"{what}: {method} {path} answered {(int)response.StatusCode}, expected {status}.");
            Assert.Equal("application/problem+json", response.Header("Content-Type"));
            Assert.Equal(type, response.Json().GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task Unexpected_ProblemNamesTheTraceButNotTheError()
    {
        await using var app = new HttpTestApp(services => services.Replace(ServiceDescriptor.Singleton<ITaskStore>(new ThrowingTaskStore(new InvalidOperationException("secret internals")))));

        var response = await app.SendAsync("GET", "/api/tasks/nightly");

        var problem = response.Json();
        Assert.Equal("/api/tasks/nightly", problem.GetProperty("instance").GetString());
        Assert.Contains("trace id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret internals", response.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_IndexAnswers_200Healthy()
    {
        await using var app = new HttpTestApp();

        var response = await app.SendAsync("GET", "/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", response.Json().GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_IndexUnreachable_503Problem()
    {
        await using var app = new HttpTestApp(services => services.Replace(ServiceDescriptor.Singleton<ITaskStore>(new ThrowingTaskStore(new RequestFailedException(0, "connection refused")))));

        var response = await app.SendAsync("GET", "/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(Problems.UnavailableType, response.Json().GetProperty("type").GetString());
    }
}
