using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Http;

namespace FunctionScheduler.Testing.Http;

// The operating routes (backfill, versions, export, import) on both hosts: content types both ways, the JSON-lines
// body and its limits, problems with pointers (and line numbers), Location headers.
public abstract partial class HttpContractTests
{
    private const string NdJson = "application/x-ndjson";

    private static string GroupTaskBody(string id, string group, string secret = "\"Bearer s\"") =>
        "{\"id\":\"" + id + "\",\"group\":\"" + group + "\",\"schedule\":{\"cron\":\"0 0 1 1 *\"},\"target\":{\"url\":\"https://target.example/hook\",\"secretHeaders\":{\"Authorization\":" + secret + "}}}";

    [Fact]
    public async Task Export_Group_200JsonLinesOneDefinitionPerLineSecretsNamedWithoutValues()
    {
        var group = NewId();
        foreach (var id in (string[])[NewId(), NewId()])
        {
            using var created = await SendAsync(HttpMethod.Post, "api/tasks", GroupTaskBody(id, group), "application/json");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var response = await Client.GetAsync($"api/tasks/export?group={group}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(NdJson, response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line =>
        {
            using var definition = JsonDocument.Parse(line);
            Assert.Equal(group, definition.RootElement.GetProperty("group").GetString());
            Assert.Equal(JsonValueKind.Null, definition.RootElement.GetProperty("target").GetProperty("secretHeaders").GetProperty("Authorization").ValueKind);
        });
        Assert.DoesNotContain("Bearer", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/tasks/export")]
    [InlineData("api/tasks/EXPORT")]
    public async Task Export_LiteralRoute_IsTheExportNotATask(string path)
    {
        using var response = await Client.GetAsync(path + "?group=" + NewId());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(NdJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_ReservedId_400ReservedId()
    {
        using var response = await SendAsync(HttpMethod.Put, "api/tasks/Export", TaskBody("Export"), "application/json");

        using var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, Problems.ValidationType, "/api/tasks/Export");
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("rule").GetString() == "reserved-id");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/x-ndjson; charset=utf-16")]
    [InlineData(null)]
    public async Task Import_NotJsonLines_415(string? contentType)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/tasks/import", TaskBody(NewId()), contentType);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, HttpProblems.UnsupportedMediaTypeType, "/api/tasks/import");
    }

    [Theory]
    [InlineData("application/x-ndjson")]
    [InlineData("application/jsonl; charset=utf-8")]
    public async Task Import_DryRun_200ReportAndNothingWritten(string contentType)
    {
        var (a, b) = (NewId(), NewId());
        var body = TaskBody(a) + "\r\n\n" + TaskBody(b) + "\n";

        using var response = await SendAsync(HttpMethod.Post, "api/tasks/import?dryRun=true", body, contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(report.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, report.RootElement.GetProperty("created").GetInt32());
        Assert.Equal([1, 3], report.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("line").GetInt32()));
        using var read = await Client.GetAsync($"api/tasks/{a}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Import_BadLine_400ProblemWithTheLineAndPointer()
    {
        var body = TaskBody(NewId()) + "\n" + """{"id":"x1","schedule":{"cron":"61 * * * *"},"target":{"url":"https://target.example/x"}}""";

        using var response = await SendAsync(HttpMethod.Post, "api/tasks/import", body, NdJson);

        using var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, Problems.ValidationType, "/api/tasks/import");
        var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "/schedule/cron", "cron"), (error.GetProperty("line").GetInt32(), error.GetProperty("pointer").GetString(), error.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task Import_LargerThanAJsonBody_Accepted()
    {
        // Sixty definitions with 25 KiB bodies: past the 1 MiB of a JSON body, well within an import's limit.
        var payload = new string('x', 25 * 1024);
        var lines = Enumerable.Range(0, 60).Select(_ =>
            "{\"id\":\"" + NewId() + "\",\"schedule\":{\"cron\":\"0 0 1 1 *\"},\"target\":{\"url\":\"https://target.example/hook\",\"body\":\"" + payload + "\"}}");

        using var response = await SendAsync(HttpMethod.Post, "api/tasks/import?dryRun=true", string.Join('\n', lines), NdJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(60, report.RootElement.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Import_OverTheLimitChunked_413Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tasks/import")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string('\n', new HttpApiOptions().MaxImportBodyBytes + 1)))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(NdJson);
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, HttpProblems.PayloadTooLargeType, "/api/tasks/import");
    }

    [Fact]
    public async Task Backfill_StartReadCancel_202WithLocationThen200()
    {
        var id = NewId();
        using (var created = await SendAsync(HttpMethod.Post, "api/tasks", TaskBody(id), "application/json"))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var started = await SendAsync(HttpMethod.Post, $"api/tasks/{id}/backfill", """{"from":"2020-01-01T00:00:00Z","to":"2023-12-31T00:00:00Z"}""", "application/json");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"/api/tasks/{id}/backfill", started.Headers.Location?.OriginalString);
        using var backfill = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        Assert.Equal(4, backfill.RootElement.GetProperty("occurrences").GetInt32());
        using var read = await Client.GetAsync($"api/tasks/{id}/backfill");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var canceled = await Client.DeleteAsync($"api/tasks/{id}/backfill");
        Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
    }

    [Theory]
    [InlineData("""{"from":"2020-01-01T00:00:00Z","to":"2999-01-01T00:00:00Z"}""", "/to", "max")]
    [InlineData("""{"from":"2020-01-01T00:00:00Z"}""", "/to", "required")]
    public async Task Backfill_InvalidBody_400NamingThePointer(string body, string pointer, string rule)
    {
        var id = NewId();
        using (var created = await SendAsync(HttpMethod.Post, "api/tasks", TaskBody(id), "application/json"))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var response = await SendAsync(HttpMethod.Post, $"api/tasks/{id}/backfill", body, "application/json");

        using var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, Problems.ValidationType, $"/api/tasks/{id}/backfill");
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("pointer").GetString() == pointer && e.GetProperty("rule").GetString() == rule);
    }

    [Fact]
    public async Task Backfill_NoContentType_415()
    {
        using var response = await SendAsync(HttpMethod.Post, "api/tasks/whatever/backfill", "{}", contentType: null);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, HttpProblems.UnsupportedMediaTypeType, "/api/tasks/whatever/backfill");
    }

    [Fact]
    public async Task Versions_ListGetRestore_200AndNoSecretValues()
    {
        var (id, group) = (NewId(), NewId());
        using (var created = await SendAsync(HttpMethod.Post, "api/tasks", GroupTaskBody(id, group), "application/json"))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var replaced = await SendAsync(HttpMethod.Put, $"api/tasks/{id}", GroupTaskBody(id, group, "null").Replace("0 0 1 1 *", "0 0 2 1 *", StringComparison.Ordinal), "application/json"))
        {
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        }

        using var list = await Client.GetAsync($"api/tasks/{id}/versions");
        using var one = await Client.GetAsync($"api/tasks/{id}/versions/1");
        using var restored = await Client.PostAsync($"api/tasks/{id}/versions/1/restore", null);
        using var missing = await Client.GetAsync($"api/tasks/{id}/versions/9");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (list.StatusCode, one.StatusCode, restored.StatusCode));
        using var versions = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal([2L, 1L], versions.RootElement.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("version").GetInt64()));
        var oneText = await one.Content.ReadAsStringAsync();
        Assert.Contains("\"Authorization\":null", oneText, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", oneText, StringComparison.Ordinal);
        using var task = JsonDocument.Parse(await restored.Content.ReadAsStringAsync());
        Assert.Equal(3, task.RootElement.GetProperty("state").GetProperty("generation").GetInt32());
        await AssertProblemAsync(missing, HttpStatusCode.NotFound, Problems.NotFoundType, $"/api/tasks/{id}/versions/9");
    }
}
