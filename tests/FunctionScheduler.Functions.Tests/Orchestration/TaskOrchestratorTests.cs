using FunctionScheduler.Core.Model;
using FunctionScheduler.Functions.Activities;
using FunctionScheduler.Functions.Orchestration;
using Moq;
using static FunctionScheduler.Functions.Tests.Orchestration.OrchestrationContextMock;

namespace FunctionScheduler.Functions.Tests.Orchestration;

public class TaskOrchestratorTests
{
    private static readonly Task<string> NoEvent = new TaskCompletionSource<string>().Task;
    private static readonly Task NoTimer = new TaskCompletionSource().Task;

    [Fact]
    public async Task RunAsync_OccurrencesDue_FiresEachInOrderWaitsUntilWakeAtAndContinuesAsNew()
    {
        var context = new OrchestrationContextMock(Input());
        var first = Claimed(0);
        var second = Claimed(1);
        var wakeAt = new DateTimeOffset(Now).AddMinutes(2);
        context.ClaimReturns(new ClaimDueResult(true, TaskLifecycle.Active, 1, [first, second], wakeAt));
        context.FireSucceeds(first);
        context.FireSucceeds(second);
        context.WaitSetUp(wakeAt.UtcDateTime, Task.CompletedTask, NoEvent);
        context.ContinueAsNewExpected(Input() with { WokeFor = wakeAt });

        var outcome = await TaskOrchestrator.RunAsync(context.Object);

        Assert.Equal(PassOutcome.Continued, outcome);
        context.VerifyFired(first);
        context.VerifyFired(second);
        var fireOrder = context.Mock.Invocations
            .Where(i => i.Method.Name == "CallActivityAsync" && i.Arguments[1] is FireOccurrenceInput)
            .Select(i => ((FireOccurrenceInput)i.Arguments[1]!).Claimed.Occurrence.ScheduledAt);
        Assert.Equal([first.Occurrence.ScheduledAt, second.Occurrence.ScheduledAt], fireOrder);
        context.Mock.Verify(c => c.CreateTimer(wakeAt.UtcDateTime, It.IsAny<CancellationToken>()), Times.Once);
        Assert.True(context.EventToken.IsCancellationRequested, "The losing event wait must be cancelled.");
        context.VerifyContinuedAsNew(Input() with { WokeFor = wakeAt });
    }

    [Fact]
    public async Task RunAsync_ChangedArrivesBeforeTimer_CancelsTimerAndContinuesAsNew()
    {
        var context = new OrchestrationContextMock(Input());
        var wakeAt = new DateTimeOffset(Now).AddHours(1);
        context.ClaimReturns(new ClaimDueResult(true, TaskLifecycle.Active, 1, [], wakeAt));
        context.WaitSetUp(wakeAt.UtcDateTime, NoTimer, Task.FromResult("Paused"));
        context.ContinueAsNewExpected(Input());

        var outcome = await TaskOrchestrator.RunAsync(context.Object);

        Assert.Equal(PassOutcome.Continued, outcome);
        Assert.True(context.TimerToken.IsCancellationRequested, "The losing timer must be cancelled, or it keeps the execution alive.");
        context.VerifyContinuedAsNew(Input());
    }

    [Fact]
    public async Task RunAsync_TaskGone_EndsWithoutTimerOrContinueAsNew()
    {
        var context = new OrchestrationContextMock(Input());
        context.ClaimReturns(ClaimDueResult.Gone);

        var outcome = await TaskOrchestrator.RunAsync(context.Object);

        Assert.Equal(PassOutcome.TaskGone, outcome);
        context.Mock.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
        context.Mock.Verify(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_WokenByItsTimer_ClaimWaitsForTheTimersInstantAndTheNextPassStartsClean()
    {
        var wokeFor = new DateTimeOffset(Now).AddMilliseconds(400);
        var context = new OrchestrationContextMock(Input() with { WokeFor = wokeFor });
        context.ClaimReturns(new ClaimDueResult(true, TaskLifecycle.Active, 3, [], wokeFor.AddMinutes(1)), notBefore: wokeFor);
        context.WaitSetUp(wokeFor.AddMinutes(1).UtcDateTime, NoTimer, Task.FromResult("Paused"));
        context.ContinueAsNewExpected(Input());

        await TaskOrchestrator.RunAsync(context.Object);

        context.VerifyContinuedAsNew(Input());
    }

    [Theory]
    [InlineData(TaskLifecycle.Paused)]
    [InlineData(TaskLifecycle.Completed)]
    public async Task RunAsync_NothingClaimedNothingPlanned_WaitsForAChangeHoldingNoTimer(TaskLifecycle lifecycle)
    {
        var context = new OrchestrationContextMock(Input());
        context.ClaimReturns(new ClaimDueResult(true, lifecycle, 3, [], null));
        var changed = new TaskCompletionSource<string>();
        context.Mock.Setup(c => c.WaitForExternalEvent<string>(TaskInstance.ChangedEvent, It.IsAny<CancellationToken>())).Returns(changed.Task);
        context.ContinueAsNewExpected(Input());

        var pass = TaskOrchestrator.RunAsync(context.Object);

        Assert.False(pass.IsCompleted);
        context.Mock.Verify(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()), Times.Never);
        changed.SetResult("Resumed");
        Assert.Equal(PassOutcome.Continued, await pass);
        context.Mock.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
        context.VerifyContinuedAsNew(Input());
    }

    [Fact]
    public async Task RunAsync_FiredButNothingPlanned_PlansOnceMoreWithoutWaiting()
    {
        var context = new OrchestrationContextMock(Input());
        var manual = Claimed(0, OccurrenceKind.Manual);
        context.ClaimReturns(new ClaimDueResult(true, TaskLifecycle.Paused, 1, [manual], null));
        context.FireSucceeds(manual);
        context.ContinueAsNewExpected(Input());

        var outcome = await TaskOrchestrator.RunAsync(context.Object);

        Assert.Equal(PassOutcome.Continued, outcome);
        context.VerifyFired(manual);
        context.Mock.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
        context.VerifyContinuedAsNew(Input());
    }

    [Fact]
    public async Task RunAsync_WakeAtBeyondMaxWait_WaitsMaxWaitAndReplans()
    {
        var context = new OrchestrationContextMock(Input());
        var wakeAt = new DateTimeOffset(Now).AddDays(30);
        context.ClaimReturns(new ClaimDueResult(true, TaskLifecycle.Active, 1, [], wakeAt));
        context.WaitSetUp(Now + TaskOrchestrator.MaxWait, Task.CompletedTask, NoEvent);
        context.ContinueAsNewExpected(Input() with { WokeFor = new DateTimeOffset(Now + TaskOrchestrator.MaxWait) });

        await TaskOrchestrator.RunAsync(context.Object);

        context.Mock.Verify(c => c.CreateTimer(Now.AddDays(3), It.IsAny<CancellationToken>()), Times.Once);
        context.VerifyContinuedAsNew(Input() with { WokeFor = new DateTimeOffset(Now + TaskOrchestrator.MaxWait) });
    }

    [Fact]
    public async Task RunAsync_FirstPass_DrawsClaimantOnceAndCarriesItForward()
    {
        var context = new OrchestrationContextMock(Input(claimant: null));
        var guid = Guid.Parse("0123456789abcdef0123456789abcdef");
        context.Mock.Setup(c => c.NewGuid()).Returns(guid);
        var wakeAt = new DateTimeOffset(Now).AddMinutes(1);
        context.ClaimReturns(new ClaimDueResult(true, TaskLifecycle.Active, 1, [], wakeAt), claimant: $"{InstanceId}/{guid:N}");
        context.WaitSetUp(wakeAt.UtcDateTime, Task.CompletedTask, NoEvent);
        context.ContinueAsNewExpected(Input() with { WokeFor = wakeAt });

        await TaskOrchestrator.RunAsync(context.Object);

        context.Mock.Verify(c => c.NewGuid(), Times.Once);
        context.VerifyContinuedAsNew(Input() with { WokeFor = wakeAt });
    }

    [Fact]
    public async Task RunAsync_ClaimFailsAfterRetries_BacksOffInsteadOfFailing()
    {
        var context = new OrchestrationContextMock(Input());
        context.ClaimThrows();
        context.WaitSetUp(Now + TaskOrchestrator.FailureBackoff, Task.CompletedTask, NoEvent);
        context.ContinueAsNewExpected(Input() with { WokeFor = new DateTimeOffset(Now + TaskOrchestrator.FailureBackoff) });

        var outcome = await TaskOrchestrator.RunAsync(context.Object);

        Assert.Equal(PassOutcome.Continued, outcome);
        context.VerifyContinuedAsNew(Input() with { WokeFor = new DateTimeOffset(Now + TaskOrchestrator.FailureBackoff) });
    }

    [Fact]
    public async Task RunAsync_OneFireFails_FiresTheRestAndComesBackSoon()
    {
        var context = new OrchestrationContextMock(Input());
        var failing = Claimed(0);
        var next = Claimed(1);
        context.ClaimReturns(new ClaimDueResult(true, TaskLifecycle.Active, 1, [failing, next], new DateTimeOffset(Now).AddHours(1)));
        context.FireThrows(failing);
        context.FireSucceeds(next);
        context.WaitSetUp(Now + TaskOrchestrator.FailureBackoff, Task.CompletedTask, NoEvent);
        context.ContinueAsNewExpected(Input() with { WokeFor = new DateTimeOffset(Now + TaskOrchestrator.FailureBackoff) });

        var outcome = await TaskOrchestrator.RunAsync(context.Object);

        Assert.Equal(PassOutcome.Continued, outcome);
        context.VerifyFired(next);
        context.VerifyContinuedAsNew(Input() with { WokeFor = new DateTimeOffset(Now + TaskOrchestrator.FailureBackoff) });
    }

    [Fact]
    public async Task RunAsync_WithoutInput_Throws()
    {
        var context = new OrchestrationContextMock(Input());
        context.Mock.Setup(c => c.GetInput<TaskOrchestrationInput>()).Returns((TaskOrchestrationInput?)null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => TaskOrchestrator.RunAsync(context.Object));
    }
}
