using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Functions.Durable;
using FunctionScheduler.Functions.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FunctionScheduler.Functions.Tests.Durable;

/// <summary>The change notifier against a strict Durable client: exactly these calls, in these states.</summary>
public class TaskOrchestrationsTests
{
    private const string InstanceId = "task:nightly";
    private readonly Mock<DurableTaskClient> _client = new(MockBehavior.Strict, "test");

    [Theory]
    [InlineData(TaskChange.Created)]
    [InlineData(TaskChange.Replaced)]
    [InlineData(TaskChange.Resumed)]
    [InlineData(TaskChange.RunRequested)]
    [InlineData(TaskChange.BackfillRequested)]
    public async Task Notify_NoInstance_StartsOneUnderTheTasksInstanceId(TaskChange change)
    {
        InstanceIs(null);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(TaskOrchestrator.Name), new TaskOrchestrationInput("reports", "nightly"), new StartOrchestrationOptions(InstanceId, null), It.IsAny<CancellationToken>()))
            .ReturnsAsync(InstanceId);

        await Notifier().NotifyAsync(Task(), change);

        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated)]
    public async Task Notify_FinishedInstance_StartsAFreshOne(OrchestrationRuntimeStatus status)
    {
        InstanceIs(status);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), new StartOrchestrationOptions(InstanceId, null), It.IsAny<CancellationToken>()))
            .ReturnsAsync(InstanceId);

        await Notifier().NotifyAsync(Task(), TaskChange.RunRequested);

        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Suspended)]
    public async Task Notify_ActiveInstance_RaisesChangedNamingTheChange(OrchestrationRuntimeStatus status)
    {
        InstanceIs(status);
        _client.Setup(c => c.RaiseEventAsync(InstanceId, TaskInstance.ChangedEvent, "Resumed", It.IsAny<CancellationToken>())).Returns(System.Threading.Tasks.Task.CompletedTask);

        await Notifier().NotifyAsync(Task(), TaskChange.Resumed);

        _client.Verify(c => c.RaiseEventAsync(InstanceId, TaskInstance.ChangedEvent, "Resumed", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Notify_StartLosesARace_WakesTheInstanceThatWon()
    {
        _client.SetupSequence(c => c.GetInstanceAsync(InstanceId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null)
            .ReturnsAsync(new OrchestrationMetadata(TaskOrchestrator.Name, InstanceId) { RuntimeStatus = OrchestrationRuntimeStatus.Running });
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("An instance with this id is already running."));
        _client.Setup(c => c.RaiseEventAsync(InstanceId, TaskInstance.ChangedEvent, "Created", It.IsAny<CancellationToken>())).Returns(System.Threading.Tasks.Task.CompletedTask);

        await Notifier().NotifyAsync(Task(), TaskChange.Created);

        _client.Verify(c => c.RaiseEventAsync(InstanceId, TaskInstance.ChangedEvent, "Created", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Notify_StartFailsAndNoInstanceRuns_Throws()
    {
        InstanceIs(null);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("The task hub is unreachable."));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Notifier().NotifyAsync(Task(), TaskChange.Created));
    }

    [Fact]
    public async Task Notify_PausedWithRunningInstance_RaisesChanged()
    {
        InstanceIs(OrchestrationRuntimeStatus.Running);
        _client.Setup(c => c.RaiseEventAsync(InstanceId, TaskInstance.ChangedEvent, "Paused", It.IsAny<CancellationToken>())).Returns(System.Threading.Tasks.Task.CompletedTask);

        await Notifier().NotifyAsync(Task(), TaskChange.Paused);

        _client.Verify(c => c.RaiseEventAsync(InstanceId, TaskInstance.ChangedEvent, "Paused", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(TaskChange.Paused)]
    [InlineData(TaskChange.BackfillCanceled)]
    public async Task Notify_PausedOrBackfillCanceledWithoutInstance_DoesNothingElse(TaskChange change)
    {
        InstanceIs(OrchestrationRuntimeStatus.Completed);

        await Notifier().NotifyAsync(Task(), change);

        _client.Verify(c => c.GetInstanceAsync(InstanceId, false, It.IsAny<CancellationToken>()), Times.Once);
        _client.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Notify_DeletedWithRunningInstance_TerminatesAndNeverPurgesARunningInstance()
    {
        InstanceIs(OrchestrationRuntimeStatus.Running);
        _client.Setup(c => c.TerminateInstanceAsync(InstanceId, new TerminateInstanceOptions("task deleted"), It.IsAny<CancellationToken>())).Returns(System.Threading.Tasks.Task.CompletedTask);

        await Notifier().NotifyAsync(Task(), TaskChange.Deleted);

        _client.Verify(c => c.TerminateInstanceAsync(InstanceId, It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
        _client.Verify(c => c.PurgeInstanceAsync(It.IsAny<string>(), It.IsAny<PurgeInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Notify_DeletedWithFinishedInstance_PurgesWithoutTerminating()
    {
        InstanceIs(OrchestrationRuntimeStatus.Completed);
        _client.Setup(c => c.PurgeInstanceAsync(InstanceId, null, It.IsAny<CancellationToken>())).ReturnsAsync(new PurgeResult(1, true));

        await Notifier().NotifyAsync(Task(), TaskChange.Deleted);

        _client.Verify(c => c.PurgeInstanceAsync(InstanceId, null, It.IsAny<CancellationToken>()), Times.Once);
        _client.Verify(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private DurableTaskChangeNotifier Notifier() =>
        new(new TaskOrchestrations(_client.Object, NullLogger<TaskOrchestrations>.Instance));

    private void InstanceIs(OrchestrationRuntimeStatus? status) =>
        _client.Setup(c => c.GetInstanceAsync(InstanceId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(status is { } s ? new OrchestrationMetadata(TaskOrchestrator.Name, InstanceId) { RuntimeStatus = s } : null);

    private static StoredTask Task()
    {
        var now = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        var definition = new ScheduledTask
        {
            Id = "nightly",
            Group = "reports",
            Schedule = new TaskSchedule { Kind = ScheduleKind.Cron, Cron = "0 2 * * *" },
            Target = new HttpTarget { Url = new Uri("https://target.example/hook") },
        };
        return new StoredTask(definition, TaskRunState.New(now), "W/\"1\"");
    }
}
