using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
            Assert.Equal(HostProblems.UnauthorizedType, problem.RootElement.GetProperty("type").GetString());
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
    public async Task Health_IndexReachable_ReportsHealthyAndTheInstance()
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };

        using var health = JsonDocument.Parse(await client.GetStringAsync("api/health"));

        Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(Host.Dispatcher.InstanceId, health.RootElement.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryRouteAndTheApiKeyScheme()
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };

        using var document = JsonDocument.Parse(await client.GetStringAsync("openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        string[] expected = ["/api/health", "/api/tasks", "/api/tasks/{id}", "/api/tasks/{id}/pause", "/api/tasks/{id}/resume", "/api/tasks/{id}/run", "/api/tasks/{id}/runs"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var create = paths.GetProperty("/api/tasks").GetProperty("post");
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Equal(
            ["201", "400", "401", "409", "413", "415"],
            create.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.True(create.TryGetProperty("security", out _));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(ApiKeys.HeaderName, scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
    }

    [Theory]
    [InlineData("POST", "api/tasks", "application/json", """{"id":"bad-cron","schedule":{"cron":"61 * * * *"},"target":{"url":"http://127.0.0.1/x"}}""", 400, "/schedule/cron")]
    [InlineData("POST", "api/tasks", "application/json", """{"id":"bad-url","schedule":{"interval":"PT1M"},"target":{"url":"not a url"}}""", 400, "/target/url")]
    [InlineData("POST", "api/tasks", "application/json", """{"id":"bad-json",""", 400, "")]
    [InlineData("PUT", "api/tasks/bad-zone", "application/json", """{"schedule":{"cron":"0 * * * *","timeZone":"Mars/Olympus"},"target":{"url":"http://127.0.0.1/x"}}""", 400, "/schedule/timeZone")]
    [InlineData("PUT", "api/tasks/folder-zone", "application/json", """{"schedule":{"cron":"0 * * * *","timeZone":"America"},"target":{"url":"http://127.0.0.1/x"}}""", 400, "/schedule/timeZone")]
    [InlineData("PUT", "api/tasks/host-zone", "application/json", """{"schedule":{"cron":"0 * * * *","timeZone":"localtime"},"target":{"url":"http://127.0.0.1/x"}}""", 400, "/schedule/timeZone")]
    [InlineData("GET", "api/tasks?pageSize=0", null, null, 400, "?pageSize")]
    [InlineData("GET", "api/tasks?state=sleeping", null, null, 400, "?state")]
    [InlineData("GET", "api/tasks?state=active&state=paused", null, null, 400, "?state")]
    [InlineData("GET", "api/tasks?state=active,paused", null, null, 400, "?state")]
    [InlineData("GET", "api/tasks?state=1", null, null, 400, "?state")]
    [InlineData("POST", "api/tasks", "text/plain", """{"id":"x"}""", 415, null)]
    [InlineData("POST", "api/tasks", null, """{"id":"x"}""", 415, null)]
    [InlineData("POST", "api/tasks", "application/json; charset=latin1", """{"id":"x"}""", 415, null)]
    [InlineData("GET", "api/tasks/no-such-task", null, null, 404, null)]
    [InlineData("POST", "api/tasks/no-such-task/pause", null, null, 404, null)]
    [InlineData("GET", "api/tasks/no-such-task/runs", null, null, 404, null)]
    [InlineData("GET", "api/no-such-route", null, null, 404, null)]
    [InlineData("PATCH", "api/tasks/any", null, null, 405, null)]
    public async Task BadRequests_AnswerAProblemDocument(string method, string path, string? contentType, string? body, int status, string? pointer)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        if (pointer is not null)
        {
            var pointers = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString());
            Assert.Contains(pointer, pointers);
        }
    }

    [Fact]
    public async Task Create_BodyOverTheLimit_Answers413Problem()
    {
        var padding = new string('x', 300 * 1024);
        var body = new JsonObject { ["id"] = "huge", ["description"] = padding };

        using var response = await Host.Client.PostAsync("api/tasks", TaskBodies.Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
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
