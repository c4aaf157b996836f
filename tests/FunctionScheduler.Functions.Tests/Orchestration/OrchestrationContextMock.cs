using FunctionScheduler.Core.Model;
using FunctionScheduler.Functions.Activities;
using FunctionScheduler.Functions.Orchestration;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FunctionScheduler.Functions.Tests.Orchestration;

/// <summary>
/// A strict <see cref="Mock{TaskOrchestrationContext}"/> for one pass of the orchestrator, as Microsoft documents
/// orchestrator unit tests for the isolated worker: every call the pass makes must be set up, so an unexpected
/// activity, timer or continue-as-new fails the test.
/// </summary>
internal sealed class OrchestrationContextMock
{
    public static readonly DateTime Now = new(2026, 3, 2, 10, 0, 20, DateTimeKind.Utc);
    public const string InstanceId = "task:nightly";
    public const string Claimant = "task:nightly/0123456789abcdef0123456789abcdef";

    public OrchestrationContextMock(TaskOrchestrationInput input)
    {
        Mock.Setup(c => c.GetInput<TaskOrchestrationInput>()).Returns(input);
        Mock.SetupGet(c => c.InstanceId).Returns(InstanceId);
        Mock.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        // Virtual on the real context: the orchestrator must ask for its replay-safe logger under its own category.
        Mock.Setup(c => c.CreateReplaySafeLogger(TaskOrchestrator.LogCategory)).Returns(NullLogger.Instance);
    }

    public Mock<TaskOrchestrationContext> Mock { get; } = new(MockBehavior.Strict);

    public TaskOrchestrationContext Object => Mock.Object;

    /// <summary>The token the timer was created with, once it was.</summary>
    public CancellationToken TimerToken { get; private set; }

    /// <summary>The token the event wait was started with, once it was.</summary>
    public CancellationToken EventToken { get; private set; }

    public static TaskOrchestrationInput Input(string? claimant = Claimant) => new("default", "nightly") { Claimant = claimant };

    public static ClaimedOccurrence Claimed(int minute, OccurrenceKind kind = OccurrenceKind.Scheduled)
    {
        var at = new DateTimeOffset(Now).AddMinutes(minute);
        return new ClaimedOccurrence(new Occurrence(at, at, kind), Claimant, at.AddMinutes(10), 1);
    }

    public void ClaimReturns(ClaimDueResult result, string claimant = Claimant) =>
        Mock.Setup(c => c.CallActivityAsync<ClaimDueResult>(
                new TaskName(TaskActivities.ClaimDue), new ClaimDueInput("default", "nightly", claimant), TaskOrchestrator.ActivityOptions))
            .ReturnsAsync(result);

    public void ClaimThrows() =>
        Mock.Setup(c => c.CallActivityAsync<ClaimDueResult>(new TaskName(TaskActivities.ClaimDue), It.IsAny<ClaimDueInput>(), TaskOrchestrator.ActivityOptions))
            .ThrowsAsync(new TaskFailedException(TaskActivities.ClaimDue, 1, new InvalidOperationException("storage is down")));

    public void FireSucceeds(ClaimedOccurrence claimed) =>
        Mock.Setup(c => c.CallActivityAsync<FireOccurrenceResult?>(
                new TaskName(TaskActivities.FireOccurrence), new FireOccurrenceInput("default", "nightly", claimed), TaskOrchestrator.ActivityOptions))
            .ReturnsAsync(new FireOccurrenceResult("run", RunStatus.Succeeded, 200));

    public void FireThrows(ClaimedOccurrence claimed) =>
        Mock.Setup(c => c.CallActivityAsync<FireOccurrenceResult?>(
                new TaskName(TaskActivities.FireOccurrence), new FireOccurrenceInput("default", "nightly", claimed), TaskOrchestrator.ActivityOptions))
            .ThrowsAsync(new TaskFailedException(TaskActivities.FireOccurrence, 2, new InvalidOperationException("storage is down")));

    public void VerifyFired(ClaimedOccurrence claimed) =>
        Mock.Verify(c => c.CallActivityAsync<FireOccurrenceResult?>(
            new TaskName(TaskActivities.FireOccurrence), new FireOccurrenceInput("default", "nightly", claimed), TaskOrchestrator.ActivityOptions), Times.Once);

    /// <summary>Sets up the wait: a timer at <paramref name="fireAt"/> raced against "changed"; each completes when told.</summary>
    public void WaitSetUp(DateTime fireAt, Task timer, Task<string> changed)
    {
        Mock.Setup(c => c.CreateTimer(fireAt, It.IsAny<CancellationToken>()))
            .Callback<DateTime, CancellationToken>((_, token) => TimerToken = token)
            .Returns(timer);
        Mock.Setup(c => c.WaitForExternalEvent<string>(TaskInstance.ChangedEvent, It.IsAny<CancellationToken>()))
            .Callback<string, CancellationToken>((_, token) => EventToken = token)
            .Returns(changed);
    }

    public void ContinueAsNewExpected(TaskOrchestrationInput next) => Mock.Setup(c => c.ContinueAsNew(next, true));

    public void VerifyContinuedAsNew(TaskOrchestrationInput next) => Mock.Verify(c => c.ContinueAsNew(next, true), Times.Once);
}
