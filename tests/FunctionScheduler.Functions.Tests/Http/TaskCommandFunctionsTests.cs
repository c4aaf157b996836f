using System.Net;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Functions.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace FunctionScheduler.Functions.Tests.Http;

public class TaskCommandFunctionsTests
{
    [Fact]
    public async Task Pause_RunningInstance_200PausedAndWakesIt()
    {
        await using var app = new HttpTestApp();
        await app.CreateAsync("nightly");
        app.InstanceIs("task:nightly", OrchestrationRuntimeStatus.Running);

        var response = await app.SendAsync("POST", "/api/tasks/nightly/pause");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("paused", response.Json().GetProperty("state").GetProperty("lifecycle").GetString());
        app.Client.Verify(c => c.RaiseEventAsync("task:nightly", TaskInstance.ChangedEvent, "Paused", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Pause_NoInstance_200AndStartsNothing()
    {
        await using var app = new HttpTestApp();
        await app.CreateAsync("nightly");
        app.Client.Invocations.Clear();

        var response = await app.SendAsync("POST", "/api/tasks/nightly/pause");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        app.Client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
        app.Client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Resume_PausedTaskWithoutInstance_200AndStartsIt()
    {
        await using var app = new HttpTestApp();
        await app.CreateAsync("nightly");
        await app.SendAsync("POST", "/api/tasks/nightly/pause");
        app.Client.Invocations.Clear();

        var response = await app.SendAsync("POST", "/api/tasks/nightly/resume");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("active", response.Json().GetProperty("state").GetProperty("lifecycle").GetString());
        app.Client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(TaskOrchestrator.Name), new TaskOrchestrationInput("default", "nightly"), new StartOrchestrationOptions("task:nightly", null), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Run_FinishedInstance_202AndStartsAFreshOne()
    {
        await using var app = new HttpTestApp();
        await app.CreateAsync("nightly");
        app.InstanceIs("task:nightly", OrchestrationRuntimeStatus.Completed);
        app.Client.Invocations.Clear();

        var response = await app.SendAsync("POST", "/api/tasks/nightly/run");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single((await app.App.Store.GetAsync("nightly"))!.State.RunRequests);
        app.Client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(), new StartOrchestrationOptions("task:nightly", null), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Resume_CompletedTask_409()
    {
        await using var app = new HttpTestApp();
        await app.CreateAsync("nightly");
        var task = (await app.App.Store.GetAsync("nightly"))!;
        await app.App.Store.UpdateStateAsync(task, task.State with { Lifecycle = TaskLifecycle.Completed, Completion = CompletionReason.MaxRunsReached, NextFireAt = null });

        var response = await app.SendAsync("POST", "/api/tasks/nightly/resume");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
    }

    [Fact]
    public async Task ListRuns_TaskWithoutRuns_200EmptyPage()
    {
        await using var app = new HttpTestApp();
        await app.CreateAsync("nightly");

        var response = await app.SendAsync("GET", "/api/tasks/nightly/runs?pageSize=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Json().GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ListRuns_BadPageSize_400()
    {
        await using var app = new HttpTestApp();
        await app.CreateAsync("nightly");

        var response = await app.SendAsync("GET", "/api/tasks/nightly/runs?pageSize=100000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Notifier_DurableUnreachable_ChangeStoredAnyway()
    {
        await using var app = new HttpTestApp();
        app.Client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), false, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("the task hub is unreachable"));

        var response = await app.SendAsync("POST", "/api/tasks", HttpTestApp.Task("nightly"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(await app.App.Store.GetAsync("nightly"));
    }
}
