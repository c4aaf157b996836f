using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Validation;
using FunctionScheduler.Http;

namespace FunctionScheduler.Testing.Http;

/// <summary>
/// The REST contract's HTTP rules, run against each host over real Kestrel on 127.0.0.1 (one derived class per host
/// with its fixture): content types and charsets, a missing content type, 413 and 415 with their problem types,
/// problem shapes, not-found answers, success headers, and the anonymous health probe. Both hosts answer through the
/// shared FunctionScheduler.Http layer, so every answer here must be the same on both.
/// </summary>
public abstract partial class HttpContractTests
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>A client whose requests the host treats as authorized (the API key where the host checks one).</summary>
    protected abstract HttpClient Client { get; }

    /// <summary>A client without any credential.</summary>
    protected abstract HttpClient Anonymous { get; }

    /// <summary>A task body the host accepts: nothing due for a long time, a target nobody calls.</summary>
    protected static string TaskBody(string id) =>
        $$$"""{"id":"{{{id}}}","schedule":{"cron":"0 0 1 1 *"},"target":{"url":"https://target.example/hook"}}""";

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("Application/JSON")]
    [InlineData("application/merge-patch+json")]
    public async Task Create_JsonContentTypeInUtf8_201(string contentType)
    {
        var id = NewId();

        using var response = await SendAsync(HttpMethod.Post, "api/tasks", TaskBody(id), contentType);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"/api/tasks/{id}", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("text/json")]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("not a media type")]
    [InlineData(null)]
    public async Task Create_NotUtf8JsonOrNoContentType_415ProblemAndNothingStored(string? contentType)
    {
        var id = NewId();

        using var response = await SendAsync(HttpMethod.Post, "api/tasks", TaskBody(id), contentType);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, HttpProblems.UnsupportedMediaTypeType, "/api/tasks");
        using var read = await Client.GetAsync($"api/tasks/{id}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Replace_NoContentType_415Problem()
    {
        using var response = await SendAsync(HttpMethod.Put, "api/tasks/no-type", TaskBody("no-type"), contentType: null);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, HttpProblems.UnsupportedMediaTypeType, "/api/tasks/no-type");
    }

    [Fact]
    public async Task Create_BodyOverTheLimitWithContentLength_413Problem()
    {
        var body = $$"""{"id":"huge","description":"{{new string('x', DefinitionLimits.MaxDocumentBytes)}}"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tasks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        // The host answers from Content-Length without reading the body and closes the connection: a client still
        // writing the megabyte would see a broken pipe instead of the answer. Asking first is how a client sends a
        // large body; the host then answers before any of it is sent.
        request.Headers.ExpectContinue = true;
        using var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, HttpProblems.PayloadTooLargeType, "/api/tasks");
    }

    [Fact]
    public async Task Create_BodyOverTheLimitChunked_413Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tasks")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', DefinitionLimits.MaxDocumentBytes + 1)))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, HttpProblems.PayloadTooLargeType, "/api/tasks");
    }

    [Theory]
    [InlineData("""{"id":"bad-cron","schedule":{"cron":"61 * * * *"},"target":{"url":"https://target.example/x"}}""", "/schedule/cron")]
    [InlineData("""{"id":"bad-url","schedule":{"interval":"PT1M"},"target":{"url":"not a url"}}""", "/target/url")]
    [InlineData("""{"id":"bad-json",""", "")]
    [InlineData("", "")]
    [InlineData("""{"id":"bad-zone","schedule":{"cron":"0 * * * *","timeZone":"Mars/Olympus"},"target":{"url":"https://target.example/x"}}""", "/schedule/timeZone")]
    [InlineData("""{"id":"folder-zone","schedule":{"cron":"0 * * * *","timeZone":"America"},"target":{"url":"https://target.example/x"}}""", "/schedule/timeZone")]
    [InlineData("""{"id":"host-zone","schedule":{"cron":"0 * * * *","timeZone":"localtime"},"target":{"url":"https://target.example/x"}}""", "/schedule/timeZone")]
    [InlineData("""{"id":"auth-http","schedule":{"interval":"PT1M"},"target":{"url":"http://target.example/x","auth":{"type":"managedIdentity","audience":"api://x"}}}""", "/target/url")]
    [InlineData("""{"id":"auth-aud","schedule":{"interval":"PT1M"},"target":{"url":"https://target.example/x","auth":{"type":"managedIdentity","audience":"x"}}}""", "/target/auth/audience")]
    [InlineData("""{"id":"auth-both","schedule":{"interval":"PT1M"},"target":{"url":"https://target.example/x","secretHeaders":{"Authorization":"Bearer t"},"auth":{"type":"managedIdentity","audience":"api://x"}}}""", "/target/secretHeaders/Authorization")]
    public async Task Create_InvalidBody_400ValidationProblemNamingThePointer(string body, string pointer)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/tasks", body, "application/json");

        using var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, Problems.ValidationType, "/api/tasks");
        var pointers = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString());
        Assert.Contains(pointer, pointers);
    }

    [Fact]
    public async Task Create_TargetWithAuth_201AndReadsReturnTheAudience()
    {
        var id = NewId();
        var body = $$$$"""{"id":"{{{{id}}}}","schedule":{"cron":"0 0 1 1 *"},"target":{"url":"https://target.example/hook","auth":{"type":"managedIdentity","audience":"api://reports"}}}""";

        using var created = await SendAsync(HttpMethod.Post, "api/tasks", body, "application/json");
        using var read = await Client.GetAsync($"api/tasks/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var task = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        var auth = task.RootElement.GetProperty("target").GetProperty("auth");
        Assert.Equal(("managedIdentity", "api://reports"), (auth.GetProperty("type").GetString(), auth.GetProperty("audience").GetString()));
    }

    [Theory]
    [InlineData("api/tasks?pageSize=0", "?pageSize")]
    [InlineData("api/tasks?state=sleeping", "?state")]
    [InlineData("api/tasks?state=active&state=paused", "?state")]
    [InlineData("api/tasks?state=active,paused", "?state")]
    [InlineData("api/tasks?state=1", "?state")]
    public async Task List_BadQuery_400ProblemNamingTheParameter(string path, string pointer)
    {
        using var response = await Client.GetAsync(path);

        using var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, Problems.ValidationType, "/api/tasks");
        Assert.Contains(pointer, problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("pointer").GetString()));
    }

    [Theory]
    [InlineData("GET", "api/tasks/no-such-task")]
    [InlineData("DELETE", "api/tasks/no-such-task")]
    [InlineData("POST", "api/tasks/no-such-task/pause")]
    [InlineData("POST", "api/tasks/no-such-task/run")]
    [InlineData("GET", "api/tasks/no-such-task/runs")]
    [InlineData("GET", "api/tasks/no-such-task/backfill")]
    [InlineData("DELETE", "api/tasks/no-such-task/backfill")]
    [InlineData("GET", "api/tasks/no-such-task/versions")]
    [InlineData("GET", "api/tasks/no-such-task/versions/1")]
    [InlineData("POST", "api/tasks/no-such-task/versions/1/restore")]
    public async Task UnknownTask_404NotFoundProblem(string method, string path)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await AssertProblemAsync(response, HttpStatusCode.NotFound, Problems.NotFoundType, "/" + path);
    }

    [Fact]
    public async Task Health_Anonymous_200HealthyWithoutInstance()
    {
        using var response = await Anonymous.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());
        Assert.False(health.RootElement.TryGetProperty("instance", out _), "An anonymous caller must not learn which machine and process answered.");
    }

    [Fact]
    public async Task Health_Head_200WithoutBody()
    {
        using var response = await Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "api/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Delete_ExistingTask_204WithoutBody()
    {
        var id = NewId();
        using (var created = await SendAsync(HttpMethod.Post, "api/tasks", TaskBody(id), "application/json"))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var response = await Client.DeleteAsync($"api/tasks/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Sends <paramref name="body"/> as UTF-8 with exactly the given Content-Type header (none when null).</summary>
    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Asserts an RFC 9457 problem: status, media type, type URI, title, and the request path as instance.</summary>
    protected static async Task<JsonDocument> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type, string instance)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = problem.RootElement;
        Assert.Equal(type, root.GetProperty("type").GetString());
        Assert.Equal((int)status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        Assert.Equal(instance, root.GetProperty("instance").GetString());
        Assert.DoesNotContain("   at ", root.GetRawText(), StringComparison.Ordinal);
        return problem;
    }

    protected static string NewId() => "c" + Guid.NewGuid().ToString("N")[..12];
}
