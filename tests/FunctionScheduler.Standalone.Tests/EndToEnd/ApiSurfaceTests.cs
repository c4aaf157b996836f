using System.Net;
using System.Text.Json;
using FunctionScheduler.Http;
using FunctionScheduler.Standalone.Http;
using FunctionScheduler.Standalone.Tests.Support;

namespace FunctionScheduler.Standalone.Tests.EndToEnd;

/// <summary>The HTTP surface of the standalone host over real Kestrel: API key, health, OpenAPI, problem details, headers.</summary>
public sealed class ApiSurfaceTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private StandaloneTestHost Host => fixture.Host;

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("", HttpStatusCode.Unauthorized)]
    [InlineData("test-api-key-012345678", HttpStatusCode.Unauthorized)]
    [InlineData("test-api-key-01234567890", HttpStatusCode.Unauthorized)]
    [InlineData("TEST-API-KEY-0123456789", HttpStatusCode.Unauthorized)]
    [InlineData(StandaloneTestHost.ApiKey, HttpStatusCode.OK)]
    public async Task ListTasks_ApiKeyHeader_OnlyTheConfiguredKeyIsAccepted(string? key, HttpStatusCode expected)
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        }

        using var response = await client.GetAsync("api/tasks");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(ApiKeys.HeaderName, response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpProblems.UnauthorizedType, problem.RootElement.GetProperty("type").GetString());
        }
    }

    [Theory]
    [InlineData("api/health")]
    [InlineData("openapi/v1.json")]
    public async Task AnonymousRoutes_NoApiKey_Answer200(string path)
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_WithTheApiKey_ReportsHealthyAndTheInstance()
    {
        using var health = JsonDocument.Parse(await Host.Client.GetStringAsync("api/health"));

        Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(Host.Dispatcher.InstanceId, health.RootElement.GetProperty("instance").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789012")]
    public async Task Health_WithoutTheApiKey_HidesTheInstance(string? key)
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        }

        var body = await client.GetStringAsync("api/health");

        using var health = JsonDocument.Parse(body);
        Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());
        Assert.False(health.RootElement.TryGetProperty("instance", out _));
        Assert.DoesNotContain(Host.Dispatcher.InstanceId, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryRouteAndTheApiKeyScheme()
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };

        using var document = JsonDocument.Parse(await client.GetStringAsync("openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        string[] expected =
        [
            "/api/health", "/api/schedules/preview", "/api/tasks", "/api/tasks/{id}", "/api/tasks/{id}/occurrences", "/api/tasks/{id}/pause", "/api/tasks/{id}/resume", "/api/tasks/{id}/run", "/api/tasks/{id}/runs",
            "/api/tasks/{id}/backfill", "/api/tasks/{id}/versions", "/api/tasks/{id}/versions/{version}", "/api/tasks/{id}/versions/{version}/restore",
            "/api/tasks/export", "/api/tasks/import",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var preview = paths.GetProperty("/api/schedules/preview").GetProperty("post");
        Assert.True(preview.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(preview.TryGetProperty("security", out _));
        var create = paths.GetProperty("/api/tasks").GetProperty("post");
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Equal(
            ["201", "400", "401", "409", "413", "415"],
            create.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.True(create.TryGetProperty("security", out _));
        Assert.True(paths.GetProperty("/api/tasks/{id}/backfill").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(paths.GetProperty("/api/tasks/import").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/x-ndjson", out _));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(ApiKeys.HeaderName, scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
    }

    [Theory]
    [InlineData("GET", "api/no-such-route", 404)]
    [InlineData("GET", "no-such-route", 404)]
    [InlineData("POST", "", 405)]
    [InlineData("POST", "dev/echo", 404)]
    [InlineData("GET", "openapi/v2.json", 404)]
    [InlineData("GET", "openapi/v1.yaml", 404)]
    [InlineData("PATCH", "api/tasks/any", 405)]
    [InlineData("POST", "api/health", 405)]
    [InlineData("DELETE", "api/tasks", 405)]
    public async Task RoutingMisses_InsideAndOutsideTheApi_AnswerAProblemDocument(string method, string path, int status)
    {
        using var response = await Host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("about:blank", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("/" + path, problem.RootElement.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task HeadersOverKestrelsLimit_431FromKestrelItselfWithoutABody()
    {
        // Kestrel answers such requests (and bad request lines, 400; over-long URLs, 414) before any middleware
        // runs, so they cannot carry a problem document; docs/standalone.md says so.
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/tasks");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('x', 40 * 1024));

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Create_ValidTask_Answers201WithLocationAndETag()
    {
        using var response = await Host.Client.PostAsync("api/tasks", TaskBodies.Json(TaskBodies.Dormant("located", fixture.Target.UrlFor("/hook"))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/tasks/located", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        using var task = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(response.Headers.ETag!.ToString(), task.RootElement.GetProperty("version").GetString());
    }
}
