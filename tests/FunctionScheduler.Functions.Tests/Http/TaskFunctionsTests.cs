using System.Net;
using FunctionScheduler.Functions.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace FunctionScheduler.Functions.Tests.Http;

public class TaskFunctionsTests
{
    [Fact]
    public async Task Create_ValidTask_201WithLocationETagJsonBodyAndStartsItsOrchestration()
    {
        await using var app = new HttpTestApp();

        var response = await app.SendAsync("POST", "/api/tasks", HttpTestApp.Task("nightly"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/tasks/nightly", response.Header("Location"));
        Assert.False(string.IsNullOrEmpty(response.Header("ETag")));
        Assert.Equal("application/json", response.Header("Content-Type"));
        var body = response.Json();
        Assert.Equal("nightly", body.GetProperty("id").GetString());
        Assert.Equal("default", body.GetProperty("group").GetString());
        app.Client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(TaskOrchestrator.Name),
            new TaskOrchestrationInput("default", "nightly"),
            new StartOrchestrationOptions("task:nightly", null),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("""{ "id": "bad", "cron": "61 * * * *", "url": "https://target.example/hook" }""")]
    [InlineData("""{ "id": "bad", "cron": "* * * * *", "url": "ftp://target.example/hook" }""")]
    [InlineData("""{ "id": "bad id!", "cron": "* * * * *", "url": "https://target.example/hook" }""")]
    [InlineData("""{ "id": "bad" }""")]
    [InlineData("""{ "id": "bad", "cron": """)]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public async Task Create_BadBody_400ProblemWithFieldPointersAndNothingStarted(string body)
    {
        await using var app = new HttpTestApp();

        var response = await app.SendAsync("POST", "/api/tasks", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        var problem = response.Json();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(System.Text.Json.JsonValueKind.String, e.GetProperty("pointer").ValueKind));
        app.Client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Create_BadCron_PointsAtTheCronField()
    {
        await using var app = new HttpTestApp();

        var response = await app.SendAsync("POST", "/api/tasks", HttpTestApp.Task("bad", cron: "61 * * * *"));

        var error = Assert.Single(response.Json().GetProperty("errors").EnumerateArray());
        Assert.EndsWith("cron", error.GetProperty("pointer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TakenId_409()
    {
        await using var app = new HttpTestApp();
        await app.CreateAsync("nightly");

        var response = await app.SendAsync("POST", "/api/tasks", HttpTestApp.Task("nightly", "*/2 * * * *"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
    }

    [Fact]
    public async Task Replace_ExistingTaskWithRunningInstance_200AndWakesIt()
    {
        await using var app = new HttpTestApp();
        await app.CreateAsync("nightly");
        app.InstanceIs("task:nightly", OrchestrationRuntimeStatus.Running);

        var response = await app.SendAsync("PUT", "/api/tasks/nightly", HttpTestApp.Task("nightly", "*/5 * * * *"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/api/tasks/nightly", response.Header("Location"));
        app.Client.Verify(c => c.RaiseEventAsync("task:nightly", TaskInstance.ChangedEvent, "Replaced", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Replace_UnknownId_201Creates()
    {
        await using var app = new HttpTestApp();

        var response = await app.SendAsync("PUT", "/api/tasks/fresh", HttpTestApp.Task("fresh"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Replace_OtherGroup_400PointingAtGroup()
    {
        await using var app = new HttpTestApp();
        await app.CreateAsync("nightly");

        var response = await app.SendAsync("PUT", "/api/tasks/nightly", HttpTestApp.Task("nightly", group: "reports"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/group", Assert.Single(response.Json().GetProperty("errors").EnumerateArray()).GetProperty("pointer").GetString());
    }

    [Fact]
    public async Task Get_Existing_200WithETag()
    {
        await using var app = new HttpTestApp();
        await app.CreateAsync("nightly");

        var response = await app.SendAsync("GET", "/api/tasks/nightly");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(response.Header("ETag")));
        Assert.Equal("nightly", response.Json().GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/tasks/nobody")]
    [InlineData("DELETE", "/api/tasks/nobody")]
    [InlineData("GET", "/api/tasks/not%20an%20id")]
    [InlineData("POST", "/api/tasks/nobody/pause")]
    [InlineData("POST", "/api/tasks/nobody/resume")]
    [InlineData("POST", "/api/tasks/nobody/run")]
    [InlineData("GET", "/api/tasks/nobody/runs")]
    public async Task AnyRoute_UnknownTask_404Problem(string method, string path)
    {
        await using var app = new HttpTestApp();

        var response = await app.SendAsync(method, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        Assert.Equal(404, response.Json().GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task List_TwoTasks_200PageWithBoth()
    {
        await using var app = new HttpTestApp();
        await app.CreateAsync("a");
        await app.CreateAsync("b");

        var response = await app.SendAsync("GET", "/api/tasks?group=default&state=active&pageSize=10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = response.Json().GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()).Order();
        Assert.Equal(["a", "b"], ids);
    }

    [Theory]
    [InlineData("?pageSize=0", "?pageSize")]
    [InlineData("?pageSize=lots", "?pageSize")]
    [InlineData("?state=sleeping", "?state")]
    [InlineData("?group=no%20spaces", "?group")]
    [InlineData("?continuationToken=forged", "?continuationToken")]
    public async Task List_BadQuery_400NamingTheParameter(string query, string pointer)
    {
        await using var app = new HttpTestApp();

        var response = await app.SendAsync("GET", "/api/tasks" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(pointer, Assert.Single(response.Json().GetProperty("errors").EnumerateArray()).GetProperty("pointer").GetString());
    }

    [Fact]
    public async Task Delete_TaskWithRunningInstance_204TerminatesAndPurges()
    {
        await using var app = new HttpTestApp();
        await app.CreateAsync("nightly");
        app.InstanceIs("task:nightly", OrchestrationRuntimeStatus.Running);
        app.Client.Setup(c => c.PurgeInstanceAsync("task:nightly", null, It.IsAny<CancellationToken>())).ReturnsAsync(new PurgeResult(0, true));

        var response = await app.SendAsync("DELETE", "/api/tasks/nightly");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("", response.BodyText);
        app.Client.Verify(c => c.TerminateInstanceAsync("task:nightly", It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
        app.Client.Verify(c => c.PurgeInstanceAsync("task:nightly", null, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Null(await app.App.Store.GetAsync("nightly"));
    }
}
