using System.Net;
using System.Text.Json;
using FunctionScheduler.Core.Api;

namespace FunctionScheduler.Testing.Http;

/// <summary>The routes the dashboard needs, the same on both hosts: previews, warnings, and the page's files.</summary>
public abstract partial class HttpContractTests
{
    /// <summary>Where the host serves the dashboard's page: "" (the root) or "api/dashboard/".</summary>
    protected abstract string DashboardPath { get; }

    /// <summary>The header the host's dashboard sends the key in.</summary>
    protected abstract string DashboardKeyHeader { get; }

    [Fact]
    public async Task PreviewSchedule_CronAcrossBerlinSpringGap_200WithLocalTimesAndANote()
    {
        const string Body = """{"schedule":{"cron":"30 2 * * *","timeZone":"Europe/Berlin"},"after":"2026-03-28T12:00:00Z","count":3}""";

        using var response = await SendAsync(HttpMethod.Post, "api/schedules/preview", Body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var preview = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = preview.RootElement;
        Assert.Equal("At 02:30 every day, Europe/Berlin", root.GetProperty("scheduleText").GetString());
        Assert.Equal("Europe/Berlin", root.GetProperty("timeZone").GetString());
        var occurrences = root.GetProperty("occurrences").EnumerateArray().ToList();
        Assert.Equal(
            ["2026-03-29T03:00:00+02:00", "2026-03-30T02:30:00+02:00", "2026-03-31T02:30:00+02:00"],
            occurrences.Select(o => o.GetProperty("local").GetString()));
        Assert.Equal("2026-03-29T01:00:00Z", occurrences[0].GetProperty("scheduledAt").GetString());
        Assert.Contains("02:30 does not exist on 2026-03-29", occurrences[0].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.False(occurrences[1].TryGetProperty("note", out _));
    }

    [Fact]
    public async Task PreviewSchedule_BrokenSchedule_400NamingTheSamePointersAsATask()
    {
        const string Body = """{"schedule":{"cron":"61 * * * *","jitter":"PT2H"},"count":0}""";

        using var response = await SendAsync(HttpMethod.Post, "api/schedules/preview", Body, "application/json");

        using var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, Problems.ValidationType, "/api/schedules/preview");
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("pointer").GetString(), e.GetProperty("rule").GetString()));
        Assert.Equal([("/schedule/cron", "cron"), ("/schedule/jitter", "max"), ("/count", "min")], errors);
    }

    [Fact]
    public async Task TaskOccurrences_StoredTask_200ItsNextOccurrences()
    {
        var id = NewId();
        using (var created = await SendAsync(HttpMethod.Post, "api/tasks", TaskBody(id), "application/json"))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var task = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            Assert.Equal("At 00:00 on 1 January, UTC", task.RootElement.GetProperty("scheduleText").GetString());
            Assert.Equal(0, task.RootElement.GetProperty("state").GetProperty("runStats").GetProperty("total").GetInt64());
        }

        using var response = await Client.GetAsync($"api/tasks/{id}/occurrences?count=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var preview = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var local = preview.RootElement.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("local").GetString()!).ToList();
        Assert.Equal(2, local.Count);
        Assert.All(local, l => Assert.EndsWith("-01-01T00:00:00+00:00", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("api/tasks/no-such-task/occurrences", HttpStatusCode.NotFound, "/api/tasks/no-such-task/occurrences")]
    [InlineData("api/tasks/no-such-task/occurrences?count=101", HttpStatusCode.BadRequest, "/api/tasks/no-such-task/occurrences")]
    public async Task TaskOccurrences_UnknownTaskOrBadCount_Problem(string path, HttpStatusCode status, string instance)
    {
        using var response = await Client.GetAsync(path);

        await AssertProblemAsync(response, status, status == HttpStatusCode.NotFound ? Problems.NotFoundType : Problems.ValidationType, instance);
    }

    [Fact]
    public async Task Create_TargetInAPrivateRange_201WithAWarning()
    {
        var body = $$$"""{"id":"{{{NewId()}}}","schedule":{"cron":"0 0 1 1 *"},"target":{"url":"http://10.20.30.40/hook"}}""";

        using var response = await SendAsync(HttpMethod.Post, "api/tasks", body, "application/json");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var task = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var warning = Assert.Single(task.RootElement.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Contains("10.20.30.40 is private", warning, StringComparison.Ordinal);
        Assert.Contains("refused", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Page_200HtmlWithTheSecurityHeaders()
    {
        using var response = await Anonymous.GetAsync(DashboardPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(',', response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("<script type=\"module\" src=\"app.js\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Files_ServedWithTypesAndETagsUnknownNames404()
    {
        using var script = await Anonymous.GetAsync(DashboardPath + "app.js");
        using var settings = await Anonymous.GetAsync(DashboardPath + "settings.json");
        using var missing = await Anonymous.GetAsync(DashboardPath + "no-such-file.js");
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, DashboardPath + "app.js");
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", script.Headers.ETag?.ToString());
        using var notModified = await Anonymous.SendAsync(revalidate);

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var document = JsonDocument.Parse(await settings.Content.ReadAsStringAsync());
        Assert.Equal(DashboardKeyHeader, document.RootElement.GetProperty("keyHeader").GetString());
    }
}
